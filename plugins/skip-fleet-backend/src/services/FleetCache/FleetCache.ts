import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ArgoAppStatus,
  ClusterFreshness,
  ClusterStatus,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import {
  ConfiguredCluster,
  KubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { AppIndex } from './AppIndex';
import { ArgoIndex } from './ArgoIndex';
import { ClusterRows, RememberedCluster } from './ClusterRows';
import { ClusterWatches } from './ClusterWatches';
import { FleetChange } from './FleetChange';
import {
  ArgoApplication,
  SkiperatorApplication,
  WatchedKind,
  WatchedKinds,
} from './kubeTypes';
import { AppRef } from './refs';

/**
 * The live picture of the whole fleet, served from memory: one watch per cluster
 * ({@link ClusterWatches}), the cluster rows ({@link ClusterRows}), the Argo CD index
 * ({@link ArgoIndex}) and the app index with its summaries ({@link AppIndex}). This class
 * only routes watch events to them and tells listeners what may have changed.
 */
export class FleetCache {
  private readonly listeners = new Set<(change: FleetChange) => void>();
  private readonly watches: ClusterWatches;
  private readonly rows: ClusterRows;
  private readonly argo: ArgoIndex;
  private readonly apps: AppIndex;

  private constructor(
    private readonly config: SkipConfig,
    clients: KubernetesClientProvider,
    logger: LoggerService,
    remembered: RememberedCluster[],
    probeTimeoutMs: number | undefined,
  ) {
    this.watches = new ClusterWatches({
      config,
      clients,
      logger,
      probeTimeoutMs,
      onChange: (cluster, kind, type, object, initial) =>
        this.route(cluster, kind, type, object, initial),
      onStatusChange: cluster => this.emit({ type: 'cluster', cluster }),
    });
    this.rows = new ClusterRows(config, this.watches, remembered);
    this.argo = new ArgoIndex(config, this.watches);
    this.apps = new AppIndex(config, this.watches, this.argo);
  }

  static create(options: {
    config: SkipConfig;
    clients: KubernetesClientProvider;
    logger: LoggerService;
    remembered?: RememberedCluster[];
    /** How long one liveness probe (GET /version) may take; 5 s by default. */
    probeTimeoutMs?: number;
  }): FleetCache {
    return new FleetCache(
      options.config,
      options.clients,
      options.logger,
      options.remembered ?? [],
      options.probeTimeoutMs,
    );
  }

  start(): void {
    this.watches.start();
  }

  async stop(): Promise<void> {
    await this.watches.stop();
  }

  /** Probes every cluster's /version once (the scheduler repeats it; see scheduleClusterProbes). */
  async probeClusters(signal?: AbortSignal): Promise<void> {
    await this.watches.probe(signal);
  }

  /** Subscribes to what may have changed; returns the unsubscribe function. */
  onChange(listener: (change: FleetChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  configuredCluster(name: string): ConfiguredCluster | undefined {
    return this.config.cluster(name);
  }

  /** Every cluster's freshness, without building its whole row (answers carry it on every request). */
  allFreshness(): ClusterFreshness[] {
    return this.config.clusters.map(c => this.rows.freshness(c.metadata.name));
  }

  freshness(cluster: string): ClusterFreshness {
    return this.rows.freshness(cluster);
  }

  /** Every cluster's row for the fleet page. */
  clusters(): ClusterStatus[] {
    return this.rows.all();
  }

  /** Skiperator apps with the given name, on every cluster (optionally in one namespace). */
  findApps(name: string, namespace?: string): AppRef[] {
    return this.apps.find(name, namespace);
  }

  /** Skiperator apps in namespaces that satisfy a predicate (a team's namespaces). */
  appsInNamespaces(
    matches: (cluster: string, namespace: string) => boolean,
  ): AppRef[] {
    return this.apps.inNamespaces(matches);
  }

  /** Namespaces of every cluster, with the team label and how many Skiperator apps each holds. */
  namespaces() {
    return this.apps.namespaces();
  }

  /** The summary of one app, rebuilt only when one of its objects changed. */
  summary(ref: AppRef): SkiperatorAppSummary | undefined {
    return this.apps.summary(ref);
  }

  /** The nodes of one cluster as last watched; none when the cache has not seen them. */
  nodes(cluster: string): ReadonlyArray<WatchedKinds['nodes']> {
    return this.watches.get(cluster)?.list('nodes') ?? [];
  }

  /** A namespace as last watched (with its labels); undefined when the cache has not seen it. */
  namespace(cluster: string, namespace: string) {
    return this.watches.get(cluster)?.get('namespaces', undefined, namespace);
  }

  /** The Skiperator Applications of one cluster as last watched, specs included (access policies). */
  skiperatorApps(
    cluster: string,
  ): ReadonlyArray<WatchedKinds['skiperatorApps']> {
    return this.watches.get(cluster)?.list('skiperatorApps') ?? [];
  }

  /** The namespaces of one cluster as last watched, with their labels. */
  clusterNamespaces(
    cluster: string,
  ): ReadonlyArray<WatchedKinds['namespaces']> {
    return this.watches.get(cluster)?.list('namespaces') ?? [];
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
    return this.argo.find(name, instance).find(a => a.namespace === namespace);
  }

  /** Argo CD apps with the given name on any instance (optionally one instance). */
  findArgoApps(name: string, instance?: string): ArgoAppStatus[] {
    return this.argo.find(name, instance);
  }

  /** The cluster an Argo CD instance runs in. */
  argoInstanceCluster(
    instance: string,
  ): { cluster: string; namespace: string } | undefined {
    return this.argo.instanceLocation(instance);
  }

  /** Keeps the indexes in step with one watch event and names what it may have changed. */
  private route(
    cluster: string,
    kind: WatchedKind,
    type: 'add' | 'update' | 'delete',
    object: { metadata?: { namespace?: string; name?: string } },
    initial: boolean,
  ) {
    const changedApps: AppRef[] = [];
    if (kind === 'skiperatorApps') {
      const app = object as SkiperatorApplication;
      changedApps.push(this.apps.update(cluster, type, app));
    } else if (kind === 'deployments') {
      // Skiperator names an app's Deployment after the app.
      const { namespace = '', name = '' } = object.metadata ?? {};
      changedApps.push({ cluster, namespace, name });
    } else if (kind === 'argoApps') {
      const reach = this.argo.update(cluster, type, object as ArgoApplication);
      changedApps.push(...reach.apps);
      for (const ns of reach.namespaces) {
        changedApps.push(...this.apps.inNamespace(ns.cluster, ns.namespace));
      }
    }
    for (const app of changedApps) this.emit({ type: 'app', app, initial });
    for (const row of this.rows.affectedBy(cluster, kind)) {
      this.emit({ type: 'cluster', cluster: row });
    }
  }

  private emit(change: FleetChange) {
    for (const listener of this.listeners) listener(change);
  }
}
