import type {
  Scenario,
  ScenarioApp,
  ScenarioBinding,
  ScenarioCluster,
} from '../scenario/scenarioSchema';
import type { WorldSim } from '../scenario/WorldSim';
import { recordUpdate } from '../server/managedFields';
import { KubeObject } from '../store/types';
import { ApplicationSetController } from './ApplicationSetController';
import {
  ARGO_API_VERSION,
  ArgoCdController,
  clusterServerUrl,
} from './ArgoCdController';
import {
  AppsRepo,
  DirectoryConfig,
  isTeamName,
  normalizeRepoUrl,
  teamOfAppsRepoUrl,
} from './AppsRepos';
import { applySystemWorkloads } from './applySystemWorkloads';
import {
  onPremAdminClusterObject,
  onPremUserClusterObject,
} from './onPremClusters';
import { namespaceObject, nodeNames, seedCluster } from './seedCluster';
import { PodBehaviour, SkiperatorController } from './SkiperatorController';
import { SKIPERATOR_API_VERSION } from './skiperatorResources';
import { systemWorkloadsFor } from './systemWorkloads';

/** Timing knobs of the world (tests shorten them). */
export type WorldOptions = {
  /** How long an Argo CD sync operation stays Running. */
  argoSyncMs?: number;
  /** How often crash-looping containers restart. */
  crashLoopTickMs?: number;
  now?: () => Date;
};

type Instance = {
  name: string;
  cluster: string;
  namespace: string;
  environments: string[];
  argo: ArgoCdController;
  appSets: ApplicationSetController;
};

/** The simulated platform: seeded objects plus the Skiperator, Argo CD and ApplicationSet controllers. */
export class World {
  /** Clusters with their current versions (gkectl upgrades change them). */
  readonly clusters = new Map<string, ScenarioCluster>();
  readonly repos = new Map<string, AppsRepo>();
  readonly preparedBundles = new Map<string, Set<string>>();
  private readonly reposByUrl = new Map<string, AppsRepo>();
  private readonly skiperators = new Map<string, SkiperatorController>();
  private readonly instances: Instance[] = [];
  private readonly behaviours = new Map<string, PodBehaviour>();
  private readonly missingImages: Set<string>;
  private readonly now: () => Date;
  private started = false;
  private ticker?: NodeJS.Timeout;

  private constructor(
    private readonly sim: WorldSim,
    readonly scenario: Scenario,
    private readonly opts: WorldOptions,
  ) {
    this.now = opts.now ?? (() => new Date());
    this.missingImages = new Set([
      ...scenario.missingImages,
      ...scenario.apps.filter(a => a.fault === 'image-pull').map(a => a.image),
    ]);
    for (const c of scenario.clusters) this.clusters.set(c.name, { ...c });
    for (const [admin, versions] of Object.entries(scenario.preparedBundles))
      this.preparedBundles.set(admin, new Set(versions));
  }

  /** Seeds every cluster (synchronously, controllers called directly) and starts the controllers. */
  static create(
    sim: WorldSim,
    scenario: Scenario,
    opts: WorldOptions = {},
  ): World {
    const world = new World(sim, scenario, opts);
    world.seed();
    world.start();
    return world;
  }

  /** The simulator's store for a cluster. */
  store(cluster: string) {
    return this.sim.cluster(cluster).store;
  }

  /**
   * A team's apps repo. Every team has one (`https://github.com/kartverket/<team>-apps.git`, as
   * if made from the skip-apps template): a team outside the scenario gets an empty one on first
   * reference.
   */
  repo(team: string): AppsRepo {
    const existing = this.repos.get(team);
    if (existing) return existing;
    if (!isTeamName(team)) throw new Error(`No apps repo for team ${team}`);
    const repo = new AppsRepo(team);
    this.repos.set(team, repo);
    this.reposByUrl.set(normalizeRepoUrl(repo.url), repo);
    return repo;
  }

  /**
   * The apps repo a URL names (compared as Argo CD compares repo URLs); a
   * `https://github.com/kartverket/<team>-apps.git` URL of a team without one creates it. Other
   * URLs name no repo.
   */
  repoByUrl(url: string): AppsRepo | undefined {
    const found = this.reposByUrl.get(normalizeRepoUrl(url));
    if (found) return found;
    const team = teamOfAppsRepoUrl(url);
    return team ? this.repo(team) : undefined;
  }

  /**
   * Commits `env/<cluster>/<namespace>/app.yaml` to a team's apps repo; the ApplicationSet then
   * creates the Argo CD Application, which syncs and creates the namespace.
   */
  addAppsRepoDirectory(
    team: string,
    cluster: string,
    namespace: string,
    manifest: KubeObject | KubeObject[],
    config: DirectoryConfig = {},
  ): { path: string; revision: string } {
    const repo = this.repo(team);
    const env = this.clusters.get(cluster)?.environment;
    const dir = repo.putDirectory(
      cluster,
      namespace,
      Array.isArray(manifest) ? manifest : [manifest],
      { autoSync: env !== 'prod', ...config },
    );
    this.afterCommit(repo);
    return { path: dir.path, revision: repo.head() };
  }

  /** Removes a directory; its Application (and what it deployed) is deleted. */
  removeAppsRepoDirectory(
    team: string,
    cluster: string,
    namespace: string,
  ): boolean {
    const repo = this.repo(team);
    const removed = repo.removeDirectory(cluster, namespace);
    if (removed) this.afterCommit(repo);
    return removed;
  }

  /** Stops every controller and timer. */
  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    for (const s of this.skiperators.values()) s.stop();
    for (const i of this.instances) {
      i.argo.stop();
      i.appSets.stop();
    }
  }

  private afterCommit(repo: AppsRepo): void {
    for (const i of this.instances) {
      i.appSets.reconcileRepo(repo.url);
      i.argo.refreshRepo(repo.url);
    }
  }

  private apply(cluster: string, obj: KubeObject): KubeObject {
    const skiperator = this.skiperators.get(cluster);
    // While seeding no listener runs: Skiperator reconciles directly and writes the app once, with its status.
    if (
      !this.started &&
      skiperator &&
      obj.apiVersion === SKIPERATOR_API_VERSION &&
      obj.kind === 'Application'
    ) {
      skiperator.reconcile(obj);
      return obj;
    }
    return this.store(cluster).put(obj);
  }

  private seed(): void {
    const now = this.now();
    const { scenario } = this;
    for (const c of scenario.clusters) {
      const store = this.store(c.name);
      seedCluster(store, c, now);
      applySystemWorkloads(
        this.sim.cluster(c.name),
        nodeNames(c),
        systemWorkloadsFor(c, scenario.clusters, scenario.argocd),
        now,
      );
      for (const b of this.bindingsOn(c, 'terraform'))
        store.put(terraformBinding(b));
      if (c.role === 'admin') store.put(onPremAdminClusterObject(c, now));
      if (c.adminCluster)
        this.store(c.adminCluster).put(onPremUserClusterObject(c, now));
      if (c.role === 'user') {
        const cluster = this.sim.cluster(c.name);
        this.skiperators.set(
          c.name,
          new SkiperatorController({
            cluster: c.name,
            skiperatorVersion: c.skiperatorVersion,
            store: cluster.store,
            logs: cluster.logs,
            nodes: nodeNames(c),
            imageExists: image => !this.missingImages.has(image),
            behaviourOf: (ns, app) =>
              this.behaviours.get(`${c.name}/${ns}/${app}`),
            eagerPodDetails: scenario.eagerPodLogs,
            workloadOnly: scenario.ownedResources === 'workload',
            now: this.now,
          }),
        );
      }
    }
    for (const team of scenario.teams) this.repo(team.name);
    const liveOverrides = new Map<string, KubeObject[]>();
    for (const app of scenario.apps) {
      if (app.fault === 'crash-loop' || app.fault === 'slow-start')
        this.behaviours.set(`${app.cluster}/${app.namespace}/${app.name}`, {
          fault: app.fault,
          readyAfterMs: app.readyAfterMs,
        });
      const repo = this.repo(app.team);
      const existing = repo.directory(`env/${app.cluster}/${app.namespace}`);
      const manifest = skiperatorManifest(app, app.image);
      const env = this.clusters.get(app.cluster)!.environment;
      repo.putDirectory(
        app.cluster,
        app.namespace,
        [...(existing?.manifests ?? []), manifest],
        {
          autoSync:
            app.autoSync ??
            (app.fault === 'out-of-sync' ? false : env !== 'prod'),
        },
        false,
      );
      if (app.fault === 'out-of-sync')
        liveOverrides.set(`${app.cluster}/${app.namespace}`, [
          skiperatorManifest(app, app.image),
        ]);
    }
    // RoleBindings the teams keep in their apps repos, next to the app (Argo CD syncs them).
    for (const c of scenario.clusters)
      for (const b of this.bindingsOn(c, 'apps-repo')) {
        const app = scenario.apps.find(
          a => a.cluster === c.name && a.namespace === b.namespace,
        )!;
        const repo = this.repo(app.team);
        const dir = repo.directory(`env/${c.name}/${b.namespace}`)!;
        repo.putDirectory(
          c.name,
          b.namespace!,
          [...dir.manifests, bindingManifest(b)],
          dir.config,
          false,
        );
      }
    for (const repo of this.repos.values()) repo.commit('Deploy from CI');
    // An image committed after that deploy gets its own commit, so Argo CD's history can go back to the deployed one.
    for (const app of scenario.apps.filter(
      a => a.repoImage && a.repoImage !== a.image,
    )) {
      const repo = this.repo(app.team);
      const dir = repo.directory(`env/${app.cluster}/${app.namespace}`)!;
      const bumped = dir.manifests.map(m =>
        m.kind === 'Application' && m.metadata.name === app.name
          ? skiperatorManifest(app, app.repoImage!)
          : m,
      );
      repo.putDirectory(app.cluster, app.namespace, bumped, dir.config, false);
      repo.commit(`Bump ${app.name} to ${app.repoImage}`);
    }
    for (const inst of scenario.argocd) this.seedInstance(inst, liveOverrides);
  }

  private bindingsOn(
    cluster: ScenarioCluster,
    source: ScenarioBinding['source'],
  ): ScenarioBinding[] {
    return this.scenario.accessBindings.filter(
      b =>
        b.source === source &&
        (b.clusters === 'user'
          ? cluster.role === 'user'
          : b.clusters.includes(cluster.name)),
    );
  }

  private seedInstance(
    inst: Scenario['argocd'][number],
    liveOverrides: Map<string, KubeObject[]>,
  ): void {
    const store = this.store(inst.cluster);
    const ns = inst.namespace;
    // Argo CD's own workloads and pods were seeded with the cluster's system workloads.
    store.put(namespaceObject(ns));
    const targets = this.scenario.clusters.filter(
      c => c.role === 'user' && inst.environments.includes(c.environment),
    );
    for (const c of targets) {
      store.put({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: {
          name: `cluster-${c.name}`,
          namespace: ns,
          labels: { 'argocd.argoproj.io/secret-type': 'cluster' },
        },
        type: 'Opaque',
        data: {
          name: Buffer.from(c.name).toString('base64'),
          server: Buffer.from(clusterServerUrl(c.name)).toString('base64'),
        },
      });
    }
    const argo = new ArgoCdController({
      namespace: ns,
      store,
      syncMs: this.opts.argoSyncMs ?? 1500,
      destinations: targets.map(c => c.name),
      world: {
        repo: url => this.repoByUrl(url),
        destinationStore: cluster =>
          this.clusters.has(cluster) ? this.store(cluster) : undefined,
        apply: (cluster, obj) => this.apply(cluster, obj),
        remove: (cluster, o) => {
          if (this.clusters.has(cluster))
            this.store(cluster).remove(
              o.apiVersion,
              o.kind,
              o.namespace,
              o.name,
            );
        },
        now: this.now,
      },
    });
    const appSets = new ApplicationSetController({
      namespace: ns,
      store,
      repo: url => this.repoByUrl(url),
      now: this.now,
    });
    this.instances.push({
      name: inst.name,
      cluster: inst.cluster,
      namespace: ns,
      environments: inst.environments,
      argo,
      appSets,
    });
    for (const team of this.scenario.teams) {
      const repo = this.repo(team.name);
      store.put({
        apiVersion: ARGO_API_VERSION,
        kind: 'AppProject',
        metadata: { name: team.name, namespace: ns },
        spec: {
          description: `${team.displayName ?? team.name} (${team.group})`,
          sourceRepos: [repo.url],
          destinations: [{ namespace: `${team.prefix}*`, server: '*' }],
          // CreateNamespace=true creates the namespace through the project's permission check.
          clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
          namespaceResourceBlacklist: [{ group: '', kind: 'Namespace' }],
          roles: [
            {
              name: 'team',
              groups: team.iamGroups,
              policies: [
                `p, proj:${team.name}:team, applications, *, ${team.name}/*, allow`,
              ],
            },
          ],
        },
      });
      const set = store.put(
        applicationSet(
          team.name,
          ns,
          repo.url,
          targets.map(c => c.name),
        ),
      );
      const apps = appSets.desiredApplications(set);
      for (const app of apps) {
        const dest = (
          app.spec as { destination: { name: string; namespace: string } }
        ).destination;
        argo.seed(app, liveOverrides.get(`${dest.name}/${dest.namespace}`));
      }
      appSets.writeStatus(set, apps);
    }
  }

  private start(): void {
    for (const s of this.skiperators.values()) s.start();
    for (const i of this.instances) {
      i.argo.start();
      i.appSets.start();
    }
    this.started = true;
    if (this.scenario.apps.some(a => a.fault === 'crash-loop')) {
      this.ticker = setInterval(() => {
        for (const s of this.skiperators.values()) s.tick();
      }, this.opts.crashLoopTickMs ?? 60000);
      this.ticker.unref?.();
    }
  }
}

function skiperatorManifest(app: ScenarioApp, image: string): KubeObject {
  return {
    apiVersion: SKIPERATOR_API_VERSION,
    kind: 'Application',
    metadata: {
      name: app.name,
      labels: {
        'app.kubernetes.io/part-of': app.product
          ? `${app.team}-${app.product}`
          : app.team,
      },
    },
    spec: {
      image,
      port: app.port,
      ...(app.replicas !== undefined ? { replicas: app.replicas } : {}),
      ...(app.ingresses ? { ingresses: app.ingresses } : {}),
      ...(app.accessPolicy ? { accessPolicy: app.accessPolicy } : {}),
      team: app.team,
    },
  };
}

function applicationSet(
  team: string,
  namespace: string,
  repoURL: string,
  clusters: string[],
): KubeObject {
  return {
    apiVersion: ARGO_API_VERSION,
    kind: 'ApplicationSet',
    metadata: { name: team, namespace },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        {
          git: {
            repoURL,
            revision: 'HEAD',
            directories: clusters.map(c => ({ path: `env/${c}/*` })),
          },
        },
      ],
      template: {
        metadata: {
          name: '{{index .path.segments 1}}-{{.path.basename}}',
          labels: { team },
        },
        spec: {
          project: team,
          source: {
            repoURL,
            targetRevision: 'HEAD',
            path: '{{.path.path}}',
            directory: { recurse: true },
          },
          destination: {
            name: '{{index .path.segments 1}}',
            namespace: '{{.path.basename}}',
          },
          syncPolicy: {
            automated: { prune: true, selfHeal: true },
            syncOptions: ['CreateNamespace=true'],
            managedNamespaceMetadata: { labels: { team } },
          },
        },
      },
    },
  };
}

/** A binding as its source writes it: subjects with their apiGroup, as the API server defaults them. */
function bindingManifest(b: ScenarioBinding): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: b.kind,
    metadata: { name: b.name },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...b.roleRef },
    subjects: b.subjects.map(s => ({
      kind: s.kind,
      apiGroup: s.kind === 'ServiceAccount' ? '' : 'rbac.authorization.k8s.io',
      name: s.name,
      ...(s.namespace ? { namespace: s.namespace } : {}),
    })),
  };
}

/** A ClusterRoleBinding the platform team's Terraform created (the provider's field manager is HashiCorp). */
function terraformBinding(b: ScenarioBinding): KubeObject {
  const obj = bindingManifest(b);
  obj.metadata.labels = { 'app.kubernetes.io/managed-by': 'terraform' };
  return recordUpdate({
    existing: undefined,
    updated: obj,
    manager: 'HashiCorp',
    apiVersion: obj.apiVersion,
  });
}
