import { deepEqual } from '../store/deepEqual';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject, StoreEvent } from '../store/types';
import { normalizeRepoUrl, type AppsRepo } from './AppsRepos';
import {
  AppProjectSpec,
  isDestinationMatched,
  isGroupKindPermitted,
  isSourcePermitted,
  ResolvedDestination,
} from './appProjectPermissions';
import {
  recordsHistory,
  seededRevision,
  selectedManifests,
  SyncOperation,
  unresolvable,
} from './argoSyncOperation';
import { rfc3339 } from './ids';
import { namespaceObject } from './seedCluster';
import { SKIPERATOR_API_VERSION } from './skiperatorResources';
import { RESOURCE_TYPES } from '../server/resources';

/** API version of Argo CD's kinds. */
export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';
/** The annotation Argo CD's CLI and UI set to request a refresh. */
export const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** The server URL of a cluster as its Argo CD cluster secret names it. */
export function clusterServerUrl(cluster: string): string {
  return `https://${cluster}.clusters.kartverket.dev`;
}

/** What an Argo CD instance reaches in the world. */
export type ArgoWorld = {
  repo(url: string): AppsRepo | undefined;
  destinationStore(cluster: string): ObjectStore | undefined;
  /** Writes a synced object into a destination cluster (the world lets Skiperator react). */
  apply(cluster: string, obj: KubeObject): KubeObject;
  remove(
    cluster: string,
    obj: { apiVersion: string; kind: string; namespace?: string; name: string },
  ): void;
  now(): Date;
};

type AppSpec = {
  project: string;
  source: { repoURL: string; path: string; targetRevision?: string };
  destination: { name?: string; server?: string; namespace: string };
  syncPolicy?: {
    automated?: { prune?: boolean; selfHeal?: boolean };
    syncOptions?: string[];
    managedNamespaceMetadata?: {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
  };
};
type Health = { status: string; message?: string };
type ResourceStatus = {
  group: string;
  version: string;
  kind: string;
  namespace: string;
  name: string;
  status: string;
  health?: Health;
};
type OperationState = {
  phase: string;
  message: string;
  startedAt: string;
  finishedAt?: string;
  operation: Record<string, unknown>;
  syncResult?: Record<string, unknown>;
};
type ArgoStatus = {
  sync?: { status: string; revision?: string; comparedTo?: unknown };
  health?: Health;
  resources?: ResourceStatus[];
  operationState?: OperationState;
  history?: Record<string, unknown>[];
  conditions?: { type: string; message: string; lastTransitionTime: string }[];
  reconciledAt?: string;
  sourceType?: string;
  summary?: { images?: string[]; externalURLs?: string[] };
  controllerNamespace?: string;
};

/**
 * A stand-in for one Argo CD instance's application controller: compares each Application's
 * directory in its apps repo with the destination cluster, writes sync/health/resources status,
 * honours the refresh annotation and `operation.sync`, and auto-syncs when the policy says so.
 */
export class ArgoCdController {
  private readonly triggers = new Map<string, unknown>();
  private readonly running = new Set<string>();
  private readonly pending = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribers: (() => void)[] = [];
  private flushScheduled = false;
  /** Application names by destination "cluster/namespace", so destination events need no scan. */
  private readonly byDestination = new Map<string, Set<string>>();
  private readonly destinationOf = new Map<string, string>();

  constructor(
    private readonly opts: {
      namespace: string;
      store: ObjectStore;
      world: ArgoWorld;
      syncMs: number;
      /** The clusters this instance has cluster secrets for (by name; servers from clusterServerUrl). */
      destinations: string[];
    },
  ) {}

  /** Seeds an Application as if it had been synced long ago; `live` overrides what the destination runs. */
  seed(app: KubeObject, live?: KubeObject[]): void {
    const spec = app.spec as AppSpec;
    const repo = this.opts.world.repo(spec.source.repoURL);
    const desired = this.desired(spec);
    // Before applyAll, which stamps the manifests with tracking ids.
    const syncedRevision = seededRevision(repo, spec.source.path, live);
    this.applyAll(app.metadata.name, spec, live ?? desired);
    const at = rfc3339(this.opts.world.now());
    app.status = {
      operationState: {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: at,
        finishedAt: at,
        operation: {
          sync: {
            revision: syncedRevision,
            syncOptions: spec.syncPolicy?.syncOptions,
          },
          initiatedBy: { automated: true },
          retry: { limit: 5 },
        },
        syncResult: {
          revision: syncedRevision,
          source: spec.source,
          resources: this.syncResults(spec, live ?? desired),
        },
      },
      history: [
        {
          id: 0,
          revision: syncedRevision,
          deployStartedAt: at,
          deployedAt: at,
          source: spec.source,
          initiatedBy: { automated: true },
        },
      ],
    };
    const evaluated = this.evaluated(app);
    this.opts.store.put(evaluated);
  }

  /** Reacts to Application changes and to the destination clusters from now on. */
  start(): void {
    this.unsubscribers.push(this.opts.store.onChange(e => this.onOwnEvent(e)));
    for (const cluster of this.opts.destinations) {
      const store = this.opts.world.destinationStore(cluster);
      if (store)
        this.unsubscribers.push(
          store.onChange(e => this.onDestinationEvent(cluster, e)),
        );
    }
    for (const app of this.opts.store.scan(
      ARGO_API_VERSION,
      'Application',
      this.opts.namespace,
    )) {
      this.triggers.set(app.metadata.name, triggerOf(app));
      this.index(app);
    }
  }

  /** Re-compares every Application reading a repo (what Argo CD's git webhook triggers). */
  refreshRepo(url: string): void {
    for (const app of this.opts.store.list(
      ARGO_API_VERSION,
      'Application',
      this.opts.namespace,
    )) {
      if (
        normalizeRepoUrl((app.spec as AppSpec).source.repoURL) ===
          normalizeRepoUrl(url) &&
        !app.metadata.deletionTimestamp &&
        app.status
      )
        this.reconcile(app);
    }
  }

  stop(): void {
    for (const u of this.unsubscribers.splice(0)) u();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private onOwnEvent(event: StoreEvent): void {
    const app = event.object;
    if (
      app.kind === 'AppProject' &&
      app.apiVersion.startsWith('argoproj.io/') &&
      app.metadata.namespace === this.opts.namespace
    ) {
      this.onProjectChange(app.metadata.name);
      return;
    }
    if (
      app.kind !== 'Application' ||
      !app.apiVersion.startsWith('argoproj.io/') ||
      app.metadata.namespace !== this.opts.namespace
    )
      return;
    const name = app.metadata.name;
    if (event.type === 'DELETED') {
      this.unindex(name);
      this.triggers.delete(name);
      if (
        app.metadata.finalizers?.includes(
          'resources-finalizer.argocd.argoproj.io',
        )
      )
        this.prune(app);
      return;
    }
    if (app.metadata.deletionTimestamp) {
      this.prune(app);
      const copy = structuredClone(app);
      copy.metadata.finalizers = (copy.metadata.finalizers ?? []).filter(
        f => !f.startsWith('resources-finalizer.argocd.argoproj.io'),
      );
      this.opts.store.put(copy);
      return;
    }
    this.index(app);
    const trigger = triggerOf(app);
    if (deepEqual(this.triggers.get(name), trigger)) return;
    this.triggers.set(name, trigger);
    const copy = structuredClone(app);
    const operation = copy.operation as Record<string, unknown> | undefined;
    if (operation?.sync) {
      this.startSync(copy, operation);
      return;
    }
    this.reconcile(copy);
  }

  /** A project's Applications are re-evaluated when it is created, changed or deleted (Argo CD's project informer). */
  private onProjectChange(project: string): void {
    for (const app of this.opts.store.list(
      ARGO_API_VERSION,
      'Application',
      this.opts.namespace,
    )) {
      if (
        (app.spec as AppSpec).project === project &&
        !app.metadata.deletionTimestamp &&
        !this.running.has(app.metadata.name)
      )
        this.reconcile(app);
    }
  }

  private onDestinationEvent(cluster: string, event: StoreEvent): void {
    const kind = event.object.kind;
    if (kind !== 'Application' && kind !== 'Deployment' && kind !== 'Namespace')
      return;
    const namespace =
      kind === 'Namespace'
        ? event.object.metadata.name
        : event.object.metadata.namespace;
    for (const name of this.byDestination.get(`${cluster}/${namespace}`) ?? [])
      this.pending.add(name);
    if (this.pending.size && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        const names = [...this.pending];
        this.pending.clear();
        for (const name of names) {
          const app = this.opts.store.get(
            ARGO_API_VERSION,
            'Application',
            this.opts.namespace,
            name,
          );
          if (app && !app.metadata.deletionTimestamp) this.reconcile(app);
        }
      });
    }
  }

  private index(app: KubeObject): void {
    const dest = (app.spec as AppSpec).destination;
    const key = `${this.clusterOf(app.spec as AppSpec)}/${dest.namespace}`;
    if (this.destinationOf.get(app.metadata.name) === key) return;
    this.unindex(app.metadata.name);
    this.destinationOf.set(app.metadata.name, key);
    const names = this.byDestination.get(key) ?? new Set<string>();
    names.add(app.metadata.name);
    this.byDestination.set(key, names);
  }

  private unindex(name: string): void {
    const key = this.destinationOf.get(name);
    if (key) this.byDestination.get(key)?.delete(name);
    this.destinationOf.delete(name);
  }

  /** Re-compares, writes status, removes a refresh annotation and auto-syncs when due. */
  private reconcile(app: KubeObject): void {
    const annotations = app.metadata.annotations;
    if (annotations?.[REFRESH_ANNOTATION] !== undefined) {
      delete annotations[REFRESH_ANNOTATION];
      this.triggers.set(app.metadata.name, triggerOf(app));
    }
    const evaluated = this.evaluated(app);
    const spec = app.spec as AppSpec;
    const status = evaluated.status as ArgoStatus;
    const automated = spec.syncPolicy?.automated;
    const permitted = !status.conditions?.some(
      c => c.type === 'InvalidSpecError',
    );
    const last = status.operationState;
    // Argo CD does not auto-sync a revision whose last automated sync failed ("Skipping auto-sync: failed previous sync attempt").
    const failedBefore =
      last?.phase !== 'Succeeded' &&
      (last?.syncResult as { revision?: string } | undefined)?.revision ===
        status.sync?.revision;
    if (
      permitted &&
      automated &&
      failedBefore &&
      status.sync?.status === 'OutOfSync'
    )
      status.conditions = [
        {
          type: 'SyncError',
          message: `Failed sync attempt to ${status.sync.revision}: ${last!.message}`,
          lastTransitionTime: rfc3339(this.opts.world.now()),
        },
      ];
    if (
      permitted &&
      automated &&
      !failedBefore &&
      status.sync?.status === 'OutOfSync' &&
      !this.running.has(app.metadata.name)
    ) {
      this.opts.store.put(evaluated);
      this.startSync(evaluated, {
        sync: {
          revision: status.sync.revision,
          prune: automated.prune ?? false,
        },
        initiatedBy: { automated: true },
      });
      return;
    }
    this.opts.store.put(evaluated);
  }

  /** Marks the operation Running, then (after syncMs) applies the repo directory to the destination. */
  private startSync(app: KubeObject, operation: Record<string, unknown>): void {
    const name = app.metadata.name;
    const spec = app.spec as AppSpec;
    const status = (app.status ?? {}) as ArgoStatus;
    const repo = this.opts.world.repo(spec.source.repoURL);
    const revision =
      ((operation.sync as { revision?: string }).revision || undefined) ??
      repo?.head() ??
      '';
    const startedAt = rfc3339(this.opts.world.now());
    const op = {
      ...operation,
      sync: { ...(operation.sync as object), revision },
      initiatedBy: operation.initiatedBy ?? { username: 'admin' },
      retry: { limit: 5 },
    };
    delete app.operation;
    status.operationState = {
      phase: 'Running',
      message: 'one or more tasks are running',
      startedAt,
      operation: op,
    };
    app.status = status;
    this.running.add(name);
    const stored = this.opts.store.put(app);
    this.triggers.set(name, triggerOf(stored));
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.running.delete(name);
      this.finishSync(name, op, revision, startedAt);
    }, this.opts.syncMs);
    timer.unref?.();
    this.timers.add(timer);
  }

  private finishSync(
    name: string,
    op: Record<string, unknown>,
    revision: string,
    startedAt: string,
  ): void {
    const app = this.opts.store.get(
      ARGO_API_VERSION,
      'Application',
      this.opts.namespace,
      name,
    );
    if (!app) return;
    const sync = op.sync as SyncOperation;
    // A rollback names the source as deployed then; the spec's may have moved on since.
    const applied = app.spec as AppSpec;
    const spec: AppSpec = sync.source
      ? { ...applied, source: { ...applied.source, ...sync.source } }
      : applied;
    const status = (app.status ?? {}) as ArgoStatus;
    const finishedAt = rfc3339(this.opts.world.now());
    const repo = this.opts.world.repo(spec.source.repoURL);
    const denied = this.destinationDenied(spec) ?? unresolvable(repo, revision);
    const sha = repo?.resolve(revision) ?? revision;
    const invalid = denied
      ? []
      : this.invalidTasks(
          spec,
          selectedManifests(
            this.desired(spec, sha),
            sync,
            spec.destination.namespace,
          ),
        );
    if (invalid.length) {
      status.operationState = {
        phase: 'Failed',
        message: 'one or more synchronization tasks are not valid',
        startedAt,
        finishedAt,
        operation: op,
        syncResult: { revision: sha, source: spec.source, resources: invalid },
      };
    } else if (denied) {
      status.operationState = {
        phase: 'Error',
        message: denied,
        startedAt,
        finishedAt,
        operation: op,
      };
    } else {
      // The requested revision's manifests (a rollback deploys its history entry's commit), maybe only some.
      const desired = selectedManifests(
        this.desired(spec, sha),
        sync,
        spec.destination.namespace,
      );
      if (!sync.dryRun) this.applyAll(name, spec, desired);
      status.operationState = {
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt,
        finishedAt,
        operation: op,
        syncResult: {
          revision: sha,
          source: spec.source,
          resources: this.syncResults(spec, desired, sync.dryRun),
        },
      };
      if (recordsHistory(sync)) {
        const history = status.history ?? [];
        const id = history.length
          ? Number(history[history.length - 1].id) + 1
          : 0;
        history.push({
          id,
          revision: sha,
          deployStartedAt: startedAt,
          deployedAt: finishedAt,
          source: spec.source,
          initiatedBy: op.initiatedBy,
        });
        status.history = history.slice(-10);
      }
    }
    app.status = status;
    const evaluated = this.evaluated(app);
    const stored = this.opts.store.put(evaluated);
    this.triggers.set(name, triggerOf(stored));
  }

  /** The manifests of the app's directory at HEAD, or at `revision` when given. */
  private desired(spec: AppSpec, revision?: string): KubeObject[] {
    const repo = this.opts.world.repo(spec.source.repoURL);
    const dir = revision
      ? repo?.directoryAt(spec.source.path, revision)
      : repo?.directory(spec.source.path);
    return (dir?.manifests ?? []).map(m => {
      const obj = structuredClone(m);
      obj.metadata.namespace =
        obj.metadata.namespace ?? spec.destination.namespace;
      return obj;
    });
  }

  private applyAll(
    appName: string,
    spec: AppSpec,
    manifests: KubeObject[],
  ): void {
    const resolved = this.resolveDestination(spec.destination);
    if (typeof resolved === 'string') return;
    const cluster = resolved.name;
    const store = this.opts.world.destinationStore(cluster);
    if (!store) return;
    const ns = this.namespaceTask(spec, store);
    if (ns) this.opts.world.apply(cluster, ns);
    // Callers hand over fresh copies (desired() or a seed override), so they are changed in place.
    for (const obj of manifests) {
      obj.metadata.namespace =
        obj.metadata.namespace ?? spec.destination.namespace;
      obj.metadata.annotations = {
        ...obj.metadata.annotations,
        'argocd.argoproj.io/tracking-id': trackingId(appName, obj),
      };
      const live = store.peek(
        obj.apiVersion,
        obj.kind,
        obj.metadata.namespace,
        obj.metadata.name,
      );
      if (live?.status !== undefined) obj.status = live.status;
      this.opts.world.apply(cluster, obj);
    }
  }

  private prune(app: KubeObject): void {
    const spec = app.spec as AppSpec;
    const cluster = this.clusterOf(spec);
    for (const r of (app.status as ArgoStatus | undefined)?.resources ?? []) {
      this.opts.world.remove(cluster, {
        apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
        kind: r.kind,
        namespace: r.namespace,
        name: r.name,
      });
    }
  }

  /**
   * `ValidateDestination`: the cluster name and server of a destination, one inferred from the
   * other through this instance's cluster secrets; Argo CD's error message when that fails.
   */
  private resolveDestination(
    dest: AppSpec['destination'],
  ): ResolvedDestination | string {
    const { name, server, namespace } = dest;
    if (name && server)
      return `application destination can't have both name and server defined: ${name} ${server}`;
    if (name) {
      return this.opts.destinations.includes(name)
        ? { name, server: clusterServerUrl(name), namespace }
        : `unable to find destination server: there are no clusters with this name: ${name}`;
    }
    if (server) {
      const found = this.opts.destinations.find(
        c => clusterServerUrl(c) === server,
      );
      return found
        ? { name: found, server, namespace }
        : `unable to find destination server: error getting cluster name by server "${server}": rpc error: code = NotFound desc = cluster "${server}" not found`;
    }
    return 'Destination server missing from app spec';
  }

  /** The destination's cluster name (resolved when possible, else as written). */
  private clusterOf(spec: AppSpec): string {
    const resolved = this.resolveDestination(spec.destination);
    return typeof resolved === 'string'
      ? spec.destination.name ?? spec.destination.server ?? ''
      : resolved.name;
  }

  private project(name: string): AppProjectSpec | undefined {
    return this.opts.store.peek(
      ARGO_API_VERSION,
      'AppProject',
      this.opts.namespace,
      name,
    )?.spec as AppProjectSpec | undefined;
  }

  /**
   * The InvalidSpecError conditions Argo CD's `refreshAppConditions` gives an Application (in its
   * words): a missing project, a repo or destination the project does not permit, a destination
   * cluster the instance has no secret for.
   */
  private specConditions(spec: AppSpec): string[] {
    const project = this.project(spec.project);
    if (!project)
      return [
        `Application referencing project ${spec.project} which does not exist`,
      ];
    const out: string[] = [];
    if (!isSourcePermitted(project, spec.source.repoURL))
      out.push(
        `application repo ${spec.source.repoURL} is not permitted in project '${spec.project}'`,
      );
    const dest = this.resolveDestination(spec.destination);
    if (typeof dest === 'string') return [...out, dest];
    if (!isDestinationMatched(project, dest))
      out.push(
        `application destination server '${dest.server}' and namespace '${dest.namespace}' do not match any of the allowed destinations in project '${spec.project}'`,
      );
    return out;
  }

  private destinationDenied(spec: AppSpec): string | undefined {
    return this.specConditions(spec)[0];
  }

  /**
   * The namespace CreateNamespace=true applies (gitops-engine's autoCreateNamespace and Argo CD's
   * syncNamespace): a missing one is created; an existing one is only touched when
   * managedNamespaceMetadata is set (its labels and annotations, plus the SSA sync option).
   */
  private namespaceTask(spec: AppSpec, store: ObjectStore): KubeObject | undefined {
    const name = spec.destination.namespace;
    if (!spec.syncPolicy?.syncOptions?.includes('CreateNamespace=true') || !name)
      return undefined;
    const managed = spec.syncPolicy.managedNamespaceMetadata;
    const live = store.peek('v1', 'Namespace', undefined, name);
    if (live && !managed) return undefined;
    const labels = managed?.labels ?? {};
    const annotations = managed
      ? {
          ...managed.annotations,
          'argocd.argoproj.io/sync-options': 'ServerSideApply=true',
        }
      : undefined;
    if (live) {
      const merged = structuredClone(live);
      merged.metadata.labels = { ...merged.metadata.labels, ...labels };
      merged.metadata.annotations = {
        ...merged.metadata.annotations,
        ...annotations,
      };
      return deepEqual(merged.metadata, live.metadata) ? undefined : merged;
    }
    const ns = namespaceObject(name, labels);
    if (annotations) ns.metadata.annotations = annotations;
    return ns;
  }

  /**
   * gitops-engine's permission check of every sync task (the auto-created namespace included):
   * the project must permit the kind (`resource <group>:<kind> is not permitted in project <p>`)
   * and, for a namespaced one, its namespace (`namespace <ns> is not permitted in project '<p>'`).
   * Returns the failed tasks' results; a sync with any applies nothing.
   */
  private invalidTasks(spec: AppSpec, manifests: KubeObject[]) {
    const project = this.project(spec.project);
    const dest = this.resolveDestination(spec.destination);
    if (!project || typeof dest === 'string') return [];
    const store = this.opts.world.destinationStore(dest.name);
    const ns = store && this.namespaceTask(spec, store);
    const tasks = [
      ...(ns && !manifests.some(m => m.kind === 'Namespace' && m.metadata.name === ns.metadata.name)
        ? [{ obj: ns, syncPhase: 'PreSync' }]
        : []),
      ...manifests.map(obj => ({ obj, syncPhase: 'Sync' })),
    ];
    const out = [];
    for (const { obj, syncPhase } of tasks) {
      const [group, version] = splitApiVersion(obj.apiVersion);
      const namespaced = isNamespaced(group, obj.kind);
      const namespace = namespaced
        ? obj.metadata.namespace ?? spec.destination.namespace
        : '';
      let message: string | undefined;
      if (!isGroupKindPermitted(project, group, obj.kind, namespaced))
        message = `resource ${group}:${obj.kind} is not permitted in project ${spec.project}`;
      else if (
        namespaced &&
        !isDestinationMatched(project, { ...dest, namespace })
      )
        message = `namespace ${namespace} is not permitted in project '${spec.project}'`;
      if (message)
        out.push({
          group,
          version,
          kind: obj.kind,
          namespace,
          name: obj.metadata.name,
          status: 'SyncFailed',
          message,
          syncPhase,
        });
    }
    return out;
  }

  private syncResults(spec: AppSpec, manifests: KubeObject[], dryRun = false) {
    return manifests.map(m => {
      const [group, version] = splitApiVersion(m.apiVersion);
      const message = `${m.kind.toLowerCase()}.${group || 'core'}/${
        m.metadata.name
      } configured${dryRun ? ' (dry run)' : ''}`;
      return {
        group,
        version,
        kind: m.kind,
        namespace: m.metadata.namespace ?? spec.destination.namespace,
        name: m.metadata.name,
        status: 'Synced',
        message,
        hookPhase: 'Running',
        syncPhase: 'Sync',
      };
    });
  }

  /** The Application with freshly computed status (sync, health, resources, summary, conditions). */
  private evaluated(app: KubeObject): KubeObject {
    const spec = app.spec as AppSpec;
    const status = { ...((app.status ?? {}) as ArgoStatus) };
    const now = rfc3339(this.opts.world.now());
    const invalid = this.specConditions(spec);
    if (invalid.length) {
      // refreshAppConditions found errors: Argo CD compares nothing, marks sync and health
      // Unknown and keeps the rest of the status as it was.
      const before = status.conditions ?? [];
      status.conditions = invalid.map(message => ({
        type: 'InvalidSpecError',
        message,
        lastTransitionTime:
          before.find(c => c.message === message)?.lastTransitionTime ?? now,
      }));
      status.sync = { ...status.sync, status: 'Unknown' };
      status.health = { status: 'Unknown' };
      status.controllerNamespace = this.opts.namespace;
      return { ...app, status };
    }
    const cluster = this.clusterOf(spec);
    const store = this.opts.world.destinationStore(cluster);
    const repo = this.opts.world.repo(spec.source.repoURL);
    const desired = this.desired(spec);
    const resources: ResourceStatus[] = [];
    const images = new Set<string>();
    const urls: string[] = [];
    let outOfSync = false;
    let health: Health = { status: 'Healthy' };
    for (const m of desired) {
      const [group, version] = splitApiVersion(m.apiVersion);
      const live = store?.peek(
        m.apiVersion,
        m.kind,
        m.metadata.namespace,
        m.metadata.name,
      );
      const synced = !!live && deepEqual(live.spec, m.spec);
      outOfSync ||= !synced;
      const h = live ? resourceHealth(store!, live) : { status: 'Missing' };
      health = worse(health, h);
      const image = (live?.spec as { image?: string } | undefined)?.image;
      if (image) images.add(image);
      for (const host of (live?.spec as { ingresses?: string[] } | undefined)
        ?.ingresses ?? [])
        urls.push(`https://${host}`);
      resources.push({
        group,
        version,
        kind: m.kind,
        namespace: m.metadata.namespace ?? spec.destination.namespace,
        name: m.metadata.name,
        status: synced ? 'Synced' : 'OutOfSync',
        health: h,
      });
    }
    if (!store)
      health = { status: 'Unknown', message: `cluster ${cluster} not found` };
    status.sync = {
      status: syncStatus(!repo, outOfSync),
      revision: repo?.head(),
      comparedTo: { source: spec.source, destination: spec.destination },
    };
    status.health = health;
    status.resources = resources;
    status.summary = {
      images: [...images],
      ...(urls.length ? { externalURLs: urls } : {}),
    };
    status.sourceType = 'Directory';
    status.reconciledAt = now;
    status.controllerNamespace = this.opts.namespace;
    delete status.conditions;
    return { ...app, status };
  }
}

function syncStatus(unknown: boolean, outOfSync: boolean): string {
  if (unknown) return 'Unknown';
  return outOfSync ? 'OutOfSync' : 'Synced';
}

function triggerOf(app: KubeObject): unknown {
  return [
    app.spec,
    app.metadata.annotations?.[REFRESH_ANNOTATION],
    app.operation,
  ];
}

function splitApiVersion(apiVersion: string): [string, string] {
  const i = apiVersion.indexOf('/');
  return i < 0
    ? ['', apiVersion]
    : [apiVersion.slice(0, i), apiVersion.slice(i + 1)];
}

function trackingId(app: string, obj: KubeObject): string {
  return `${app}:${splitApiVersion(obj.apiVersion)[0]}/${obj.kind}:${
    obj.metadata.namespace ?? ''
  }/${obj.metadata.name}`;
}

const HEALTH_ORDER = [
  'Healthy',
  'Suspended',
  'Progressing',
  'Missing',
  'Degraded',
  'Unknown',
];

function worse(a: Health, b: Health): Health {
  return HEALTH_ORDER.indexOf(b.status) > HEALTH_ORDER.indexOf(a.status)
    ? b
    : a;
}

/** Health of a synced resource, the way SKIP's custom health check for Skiperator reads it (with its Deployment). */
function resourceHealth(store: ObjectStore, live: KubeObject): Health {
  if (live.apiVersion !== SKIPERATOR_API_VERSION || live.kind !== 'Application')
    return { status: 'Healthy' };
  const summary = (
    live.status as { summary?: { status: string; message: string } } | undefined
  )?.summary;
  if (!summary)
    return { status: 'Progressing', message: 'Waiting for Skiperator' };
  if (summary.status === 'Error' || summary.status === 'InvalidConfig')
    return { status: 'Degraded', message: summary.message };
  const deployment = store.peek(
    'apps/v1',
    'Deployment',
    live.metadata.namespace,
    live.metadata.name,
  );
  const dstatus = deployment?.status as
    | {
        replicas?: number;
        availableReplicas?: number;
        conditions?: {
          type: string;
          status: string;
          reason?: string;
          message?: string;
        }[];
      }
    | undefined;
  if (!dstatus)
    return { status: 'Progressing', message: 'Waiting for Deployment' };
  const progressing = dstatus.conditions?.find(c => c.type === 'Progressing');
  if (progressing?.status === 'False')
    return {
      status: 'Degraded',
      message: `Deployment "${live.metadata.name}": ${
        progressing.message ?? progressing.reason
      }`,
    };
  if ((dstatus.availableReplicas ?? 0) < (dstatus.replicas ?? 0)) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${
        dstatus.availableReplicas ?? 0
      } of ${dstatus.replicas} updated replicas are available...`,
    };
  }
  return { status: 'Healthy' };
}

/** Whether the simulator serves a kind as namespaced (unknown kinds count as namespaced). */
function isNamespaced(group: string, kind: string): boolean {
  const type = RESOURCE_TYPES.find(t => t.group === group && t.kind === kind);
  return type?.namespaced ?? true;
}
