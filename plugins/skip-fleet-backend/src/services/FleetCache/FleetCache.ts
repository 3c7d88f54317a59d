import type { LoggerService } from '@backstage/backend-plugin-api';
import type { V1Deployment } from '@kubernetes/client-node';
import {
  ArgoAppStatus,
  ClusterFreshness,
  ClusterStatus,
  describeClusterErrorCategory,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import {
  ConfiguredCluster,
  KubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { ClusterWatch, WatchedKind, WatchedKinds } from './ClusterWatch';
import { IndexMap } from './IndexMap';
import { ArgoApplication } from './kubeTypes';
import { summarizeApp } from './summarizeApp';
import { toArgoAppStatus } from './toArgoAppStatus';

type AppRef = { cluster: string; namespace: string; name: string };
type ArgoRef = {
  instance: string;
  cluster: string;
  namespace: string;
  name: string;
};

const keyOf = (...parts: string[]) => parts.join('/');

/** What the cache last knew of a cluster before this process started (from the database). */
export type RememberedCluster = {
  cluster: string;
  kubernetesVersion?: string;
  platformVersion?: string;
  nodesReady?: number;
  nodesTotal?: number;
  lastSeenAt?: Date;
};

/**
 * The live picture of the whole fleet: one {@link ClusterWatch} per cluster plus the
 * indexes that answer a page without scanning every cluster (apps by name, Argo CD apps
 * by the Skiperator app and namespace they deploy).
 */
export class FleetCache {
  private readonly watches = new Map<string, ClusterWatch>();
  private readonly appsByName = new IndexMap<AppRef>();
  private readonly argoByName = new IndexMap<ArgoRef>();
  private readonly argoBySkiperatorApp = new IndexMap<ArgoRef>();
  private readonly argoByNamespace = new IndexMap<ArgoRef>();
  private readonly argoIndexKeys = new Map<string, string[]>();
  private readonly summaryMemo = new Map<
    string,
    { version: string; summary: SkiperatorAppSummary }
  >();
  private readonly remembered = new Map<string, RememberedCluster>();
  private readonly clustersByArgoName = new Map<string, string>();
  private readonly clustersByUrl = new Map<string, string>();
  /** Argo CD instance names by `<cluster>/<namespace>`, where their Applications live. */
  private readonly argoInstanceByPlace = new Map<string, string>();
  private readonly changeListeners = new Set<(cluster: string) => void>();

  private constructor(
    private readonly config: SkipConfig,
    private readonly clients: KubernetesClientProvider,
    private readonly logger: LoggerService,
  ) {
    for (const { metadata, connection } of config.clusters) {
      this.clustersByArgoName.set(
        metadata.argocdName ?? metadata.name,
        metadata.name,
      );
      this.clustersByUrl.set(connection.url.replace(/\/+$/, ''), metadata.name);
    }
    for (const instance of config.argoInstances) {
      this.argoInstanceByPlace.set(
        keyOf(instance.cluster, instance.namespace),
        instance.name,
      );
    }
  }

  static create(options: {
    config: SkipConfig;
    clients: KubernetesClientProvider;
    logger: LoggerService;
    remembered?: RememberedCluster[];
  }): FleetCache {
    const cache = new FleetCache(
      options.config,
      options.clients,
      options.logger,
    );
    for (const r of options.remembered ?? [])
      cache.remembered.set(r.cluster, r);
    return cache;
  }

  start(): void {
    for (const cluster of this.config.clusters) {
      const name = cluster.metadata.name;
      const watch = new ClusterWatch({
        cluster: name,
        kubeConfig: this.clients.kubeConfig(name),
        logger: this.logger.child({ cluster: name }),
        watchArgoApps: this.config.argoInstances.some(i => i.cluster === name),
        isAdminCluster: cluster.metadata.role === 'admin',
        onChange: (kind, type, object) =>
          this.onChange(name, kind, type, object),
      });
      this.watches.set(name, watch);
      try {
        watch.start();
      } catch (error) {
        // One misconfigured cluster must not keep the others from being watched.
        watch.reachability = 'unreachable';
        watch.errorCategory = 'failed';
        this.logger.error(`Could not start watching cluster ${name}: ${error}`);
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.watches.values()].map(w => w.stop()));
  }

  /** Subscribes to "something in this cluster changed" (used to persist what was last seen). */
  onClusterChange(listener: (cluster: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  configuredCluster(name: string): ConfiguredCluster | undefined {
    return this.config.cluster(name);
  }

  /** Every cluster's freshness, without building its whole row (answers carry it on every request). */
  allFreshness(): ClusterFreshness[] {
    return this.config.clusters.map(c => this.freshness(c.metadata.name));
  }

  freshness(cluster: string): ClusterFreshness {
    const watch = this.watches.get(cluster);
    const lastSeenAt =
      watch?.lastSeenAt ?? this.remembered.get(cluster)?.lastSeenAt;
    return {
      cluster,
      reachability: watch?.reachability ?? 'pending',
      lastSeenAt: lastSeenAt?.toISOString(),
      errorCategory: watch?.errorCategory,
      error: watch?.errorCategory
        ? describeClusterErrorCategory(watch.errorCategory)
        : undefined,
      unreadable:
        watch && watch.kindErrors.size > 0
          ? [...watch.kindErrors].map(
              ([kind, category]) =>
                `${kind}: ${describeClusterErrorCategory(category)}`,
            )
          : undefined,
    };
  }

  /** Every cluster's row for the fleet page. */
  clusters(): ClusterStatus[] {
    return this.config.clusters.map(({ metadata }) => {
      const watch = this.watches.get(metadata.name);
      const remembered = this.remembered.get(metadata.name);
      const nodes = watch?.list('nodes') ?? [];
      let nodeCounts: { ready: number; total: number } | undefined;
      const ready = nodes.filter(n =>
        n.status?.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
      ).length;
      if (nodes.length > 0) {
        nodeCounts = { ready, total: nodes.length };
      } else if (remembered?.nodesTotal !== undefined) {
        nodeCounts = {
          ready: remembered.nodesReady ?? 0,
          total: remembered.nodesTotal,
        };
      }
      return {
        metadata,
        versions: {
          kubernetes: watch?.kubernetesVersion ?? remembered?.kubernetesVersion,
          platform:
            this.platformVersion(metadata.name) ?? remembered?.platformVersion,
        },
        nodes: nodeCounts,
        freshness: this.freshness(metadata.name),
        upgradeInProgress: this.upgradeInProgress(metadata.name),
      };
    });
  }

  /** The platform release a cluster runs: GKE reports it in /version, on-prem clusters in their admin cluster. */
  platformVersion(cluster: string): string | undefined {
    const configured = this.config.cluster(cluster);
    if (configured?.metadata.platform === 'gke') {
      return this.watches.get(cluster)?.kubernetesVersion?.replace(/^v/, '');
    }
    const object = this.onPremObject(cluster);
    return object?.status?.version ?? object?.spec?.gkeOnPremVersion;
  }

  /** An upgrade the admin cluster reports as running on an on-prem cluster. */
  upgradeInProgress(cluster: string): ClusterStatus['upgradeInProgress'] {
    const object = this.onPremObject(cluster);
    if (object?.status?.state !== 'UPGRADING') return undefined;
    const target = object.spec?.gkeOnPremVersion;
    return {
      targetVersion:
        target && target !== object.status.version ? target : undefined,
      since: object.status.lastUpdateTime,
    };
  }

  private onPremObject(cluster: string) {
    const metadata = this.config.cluster(cluster)?.metadata;
    if (!metadata || metadata.platform !== 'anthos-vmware') return undefined;
    const admin = this.watches.get(
      metadata.role === 'admin' ? cluster : metadata.adminCluster ?? '',
    );
    if (!admin) return undefined;
    const kind =
      metadata.role === 'admin' ? 'onpremAdminClusters' : 'onpremUserClusters';
    const objects = admin.list(kind);
    return (
      objects.find(o => o.metadata?.name === cluster) ??
      (metadata.role === 'admin' ? objects[0] : undefined)
    );
  }

  /** Skiperator apps with the given name, on every cluster (optionally in one namespace). */
  findApps(name: string, namespace?: string): AppRef[] {
    const refs = this.appsByName.values(name);
    return namespace ? refs.filter(r => r.namespace === namespace) : refs;
  }

  /** Skiperator apps in namespaces that satisfy a predicate (a team's namespaces). */
  appsInNamespaces(
    matches: (cluster: string, namespace: string) => boolean,
  ): AppRef[] {
    const refs: AppRef[] = [];
    for (const [cluster, watch] of this.watches) {
      for (const app of watch.list('skiperatorApps')) {
        const namespace = app.metadata?.namespace ?? '';
        if (matches(cluster, namespace)) {
          refs.push({ cluster, namespace, name: app.metadata?.name ?? '' });
        }
      }
    }
    return refs;
  }

  /** Namespaces of every cluster, with the team label and how many Skiperator apps each holds. */
  namespaces(): {
    cluster: string;
    namespace: WatchedKinds['namespaces'];
    apps: number;
  }[] {
    const result = [];
    for (const [cluster, watch] of this.watches) {
      const counts = new Map<string, number>();
      for (const app of watch.list('skiperatorApps')) {
        const ns = app.metadata?.namespace ?? '';
        counts.set(ns, (counts.get(ns) ?? 0) + 1);
      }
      for (const namespace of watch.list('namespaces')) {
        result.push({
          cluster,
          namespace,
          apps: counts.get(namespace.metadata?.name ?? '') ?? 0,
        });
      }
    }
    return result;
  }

  /** The summary of one app, rebuilt only when one of its objects changed. */
  summary(ref: AppRef): SkiperatorAppSummary | undefined {
    const watch = this.watches.get(ref.cluster);
    const app = watch?.get('skiperatorApps', ref.namespace, ref.name);
    if (!watch || !app) return undefined;
    const deployment = watch.get('deployments', ref.namespace, ref.name) as
      | V1Deployment
      | undefined;
    const argoRef = this.argoFor(ref);
    const argoObject = argoRef ? this.argoObject(argoRef) : undefined;
    const version = [
      app.metadata?.resourceVersion,
      deployment?.metadata?.resourceVersion,
      argoObject?.metadata?.resourceVersion,
      argoRef?.instance,
    ].join('|');
    const key = keyOf(ref.cluster, ref.namespace, ref.name);
    const memo = this.summaryMemo.get(key);
    if (memo?.version === version) return memo.summary;
    const environment = this.config.cluster(ref.cluster)!.metadata.environment;
    const summary = summarizeApp({
      cluster: ref.cluster,
      environment,
      app,
      deployment,
      argo:
        argoRef && argoObject
          ? toArgoAppStatus(argoRef.instance, argoObject, argoRef.cluster)
          : undefined,
    });
    this.summaryMemo.set(key, { version, summary });
    return summary;
  }

  /** A namespace as last watched (with its labels); undefined when the cache has not seen it. */
  namespace(cluster: string, namespace: string) {
    return this.watches.get(cluster)?.get('namespaces', undefined, namespace);
  }

  /** The `team` label of a namespace, as last watched. */
  namespaceTeamLabel(cluster: string, namespace: string): string | undefined {
    return this.namespace(cluster, namespace)?.metadata?.labels?.team;
  }

  /** One Argo CD app, by the instance, namespace and name it lives under. */
  argoApp(
    instance: string,
    namespace: string,
    name: string,
  ): ArgoAppStatus | undefined {
    return this.findArgoApps(name, instance).find(
      a => a.namespace === namespace,
    );
  }

  /** Argo CD apps with the given name on any instance (optionally one instance). */
  findArgoApps(name: string, instance?: string): ArgoAppStatus[] {
    const refs = this.argoByName.values(name);
    return refs
      .filter(r => !instance || r.instance === instance)
      .flatMap(r => {
        const object = this.argoObject(r);
        return object ? [toArgoAppStatus(r.instance, object, r.cluster)] : [];
      });
  }

  /** The cluster an Argo CD instance runs in. */
  argoInstanceCluster(
    instance: string,
  ): { cluster: string; namespace: string } | undefined {
    const found = this.config.argoInstances.find(i => i.name === instance);
    return found
      ? { cluster: found.cluster, namespace: found.namespace }
      : undefined;
  }

  private argoFor(ref: AppRef): ArgoRef | undefined {
    const direct = this.argoBySkiperatorApp.first(
      keyOf(ref.cluster, ref.namespace, ref.name),
    );
    if (direct) return direct;
    const nsKey = keyOf(ref.cluster, ref.namespace);
    // One Argo CD app per namespace directory is the platform's layout; with several we cannot tell.
    return this.argoByNamespace.size(nsKey) === 1
      ? this.argoByNamespace.first(nsKey)
      : undefined;
  }

  private argoObject(ref: ArgoRef): ArgoApplication | undefined {
    const instance = this.config.argoInstances.find(
      i => i.name === ref.instance,
    );
    if (!instance) return undefined;
    return this.watches
      .get(instance.cluster)
      ?.get('argoApps', ref.namespace, ref.name);
  }

  private resolveDestination(
    instanceCluster: string,
    app: ArgoApplication,
  ): string | undefined {
    const destination = app.spec?.destination ?? {};
    if (destination.name) {
      return destination.name === 'in-cluster'
        ? instanceCluster
        : this.clustersByArgoName.get(destination.name);
    }
    if (destination.server) {
      const server = destination.server.replace(/\/+$/, '');
      return server === 'https://kubernetes.default.svc'
        ? instanceCluster
        : this.clustersByUrl.get(server);
    }
    return undefined;
  }

  private onChange<K extends WatchedKind>(
    cluster: string,
    kind: K,
    type: 'add' | 'update' | 'delete',
    object: WatchedKinds[K],
  ) {
    const namespace = object.metadata?.namespace ?? '';
    const name = object.metadata?.name ?? '';
    if (kind === 'skiperatorApps') {
      const key = keyOf(cluster, namespace, name);
      if (type === 'delete') {
        this.appsByName.remove(name, key);
        this.summaryMemo.delete(key);
      } else {
        this.appsByName.add(name, key, { cluster, namespace, name });
      }
    } else if (kind === 'argoApps') {
      this.indexArgoApp(cluster, type, object as ArgoApplication);
    }
    if (
      kind === 'nodes' ||
      kind === 'onpremUserClusters' ||
      kind === 'onpremAdminClusters'
    ) {
      for (const listener of this.changeListeners) listener(cluster);
    }
  }

  private indexArgoApp(
    instanceCluster: string,
    type: 'add' | 'update' | 'delete',
    app: ArgoApplication,
  ) {
    const namespace = app.metadata?.namespace ?? '';
    const name = app.metadata?.name ?? '';
    const instance = this.argoInstanceByPlace.get(
      keyOf(instanceCluster, namespace),
    );
    // Applications outside an instance's namespace belong to no configured Argo CD.
    if (!instance) return;
    const argoKey = keyOf(instance, namespace, name);
    for (const key of this.argoIndexKeys.get(argoKey) ?? []) {
      this.argoBySkiperatorApp.remove(key, argoKey);
      this.argoByNamespace.remove(key, argoKey);
    }
    this.argoIndexKeys.delete(argoKey);
    if (type === 'delete') {
      this.argoByName.remove(name, argoKey);
      return;
    }
    const cluster = this.resolveDestination(instanceCluster, app);
    const ref: ArgoRef = { instance, cluster: cluster ?? '', namespace, name };
    this.argoByName.add(name, argoKey, ref);
    if (!cluster) return;
    const keys: string[] = [];
    const destinationNamespace = app.spec?.destination?.namespace;
    if (destinationNamespace) {
      const nsKey = keyOf(cluster, destinationNamespace);
      this.argoByNamespace.add(nsKey, argoKey, ref);
      keys.push(nsKey);
    }
    for (const resource of app.status?.resources ?? []) {
      if (
        resource.group === 'skiperator.kartverket.no' &&
        resource.kind === 'Application'
      ) {
        const appKey = keyOf(
          cluster,
          resource.namespace ?? destinationNamespace ?? '',
          resource.name,
        );
        this.argoBySkiperatorApp.add(appKey, argoKey, ref);
        keys.push(appKey);
      }
    }
    this.argoIndexKeys.set(argoKey, keys);
  }
}
