import {
  AppsV1Api,
  CoreV1Api,
  CustomObjectsApi,
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
  VersionApi,
  Watch,
} from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ClusterErrorCategory,
  Reachability,
} from '@internal/plugin-skip-common';
import {
  classifyClusterError,
  makeClusterClients,
  runWithDeadline,
} from '@internal/plugin-skip-node';
import { WatchedKind, WatchedKinds } from './kubeTypes';

/**
 * Called whenever a watched object of a cluster changes. `initial` is true for the objects
 * of a kind's first list since start: what the cluster already held, not a change.
 */
export type ChangeListener = <K extends WatchedKind>(
  kind: K,
  type: 'add' | 'update' | 'delete',
  object: WatchedKinds[K],
  initial: boolean,
) => void;

export type ClusterWatchOptions = {
  cluster: string;
  kubeConfig: KubeConfig;
  logger: LoggerService;
  /** Whether Argo CD instances run in this cluster (their Applications are watched in every namespace). */
  watchArgoApps: boolean;
  /** Admin clusters hold the on-prem cluster objects that carry platform versions. */
  isAdminCluster: boolean;
  onChange: ChangeListener;
  /** Called when reachability, its error, the Kubernetes version or an unreadable kind changes. */
  onStatusChange?: () => void;
  /** How long one GET /version (the liveness probe) may take. */
  probeTimeoutMs?: number;
};

const MAX_RESTART_DELAY_MS = 30_000;
const SKIPERATOR_MANAGED = 'app.kubernetes.io/managed-by=skiperator';

/**
 * Keeps one cluster's objects in memory with client-node informers (list once, then
 * watch), restarts informers that fail with backoff, and tracks whether the cluster is
 * reachable. Stale objects stay served while it is not, so rows can show their age.
 */
export class ClusterWatch {
  readonly cluster: string;
  private readonly informers = new Map<
    WatchedKind,
    ListWatch<KubernetesObject>
  >();
  private readonly restartDelays = new Map<WatchedKind, number>();
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  /** Kinds whose first list has been delivered; later events are changes. */
  private readonly listed = new Set<WatchedKind>();
  private stopped = false;

  reachability: Reachability = 'pending';
  lastSeenAt?: Date;
  /** Why the cluster is unreachable, as a category; the detail goes only to the log. */
  errorCategory?: ClusterErrorCategory;
  kubernetesVersion?: string;
  /** Kinds the cluster answers with an error (a missing CRD, no permission) while it is otherwise up. */
  readonly kindErrors = new Map<WatchedKind, ClusterErrorCategory>();

  constructor(private readonly options: ClusterWatchOptions) {
    this.cluster = options.cluster;
  }

  start(): void {
    const { kubeConfig, watchArgoApps, isAdminCluster } = this.options;
    const core = kubeConfig.makeApiClient(CoreV1Api);
    const apps = kubeConfig.makeApiClient(AppsV1Api);
    const custom = kubeConfig.makeApiClient(CustomObjectsApi);
    const customList =
      (group: string, version: string, plural: string, namespace?: string) =>
      () =>
        (namespace
          ? custom.listNamespacedCustomObject({
              group,
              version,
              namespace,
              plural,
            })
          : custom.listClusterCustomObject({
              group,
              version,
              plural,
            })) as Promise<KubernetesListObject<KubernetesObject>>;

    this.add('nodes', '/api/v1/nodes', () => core.listNode());
    this.add('namespaces', '/api/v1/namespaces', () => core.listNamespace());
    // Admin clusters run no product workloads, and usually no Skiperator.
    if (!isAdminCluster) {
      this.add(
        'skiperatorApps',
        '/apis/skiperator.kartverket.no/v1alpha1/applications',
        customList('skiperator.kartverket.no', 'v1alpha1', 'applications'),
      );
      this.add(
        'deployments',
        '/apis/apps/v1/deployments',
        () =>
          apps.listDeploymentForAllNamespaces({
            labelSelector: SKIPERATOR_MANAGED,
          }),
        SKIPERATOR_MANAGED,
      );
    }
    if (watchArgoApps) {
      this.add(
        'argoApps',
        '/apis/argoproj.io/v1alpha1/applications',
        customList('argoproj.io', 'v1alpha1', 'applications'),
      );
    }
    if (isAdminCluster) {
      this.add(
        'onpremUserClusters',
        '/apis/onprem.cluster.gke.io/v1alpha1/onpremuserclusters',
        customList('onprem.cluster.gke.io', 'v1alpha1', 'onpremuserclusters'),
      );
      this.add(
        'onpremAdminClusters',
        '/apis/onprem.cluster.gke.io/v1alpha1/onpremadminclusters',
        customList('onprem.cluster.gke.io', 'v1alpha1', 'onpremadminclusters'),
      );
    }
    for (const kind of this.informers.keys()) this.startInformer(kind);
    // The scheduler repeats the probe; the first one runs now so versions show at once.
    void this.probe();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.restartTimers) clearTimeout(timer);
    await Promise.all(
      [...this.informers.values()].map(i => i.stop().catch(() => {})),
    );
  }

  list<K extends WatchedKind>(
    kind: K,
    namespace?: string,
  ): ReadonlyArray<WatchedKinds[K]> {
    const informer = this.informers.get(kind);
    return (informer?.list(namespace) ?? []) as ReadonlyArray<WatchedKinds[K]>;
  }

  get<K extends WatchedKind>(
    kind: K,
    namespace: string | undefined,
    name: string,
  ): WatchedKinds[K] | undefined {
    return this.informers.get(kind)?.get(name, namespace) as
      | WatchedKinds[K]
      | undefined;
  }

  private add(
    kind: WatchedKind,
    path: string,
    listFn: () => Promise<KubernetesListObject<any>>,
    labelSelector?: string,
  ) {
    const { kubeConfig, onChange } = this.options;
    const informer = new ListWatch<KubernetesObject>(
      path,
      new Watch(kubeConfig),
      async () => {
        const list = await listFn();
        // The library opens the watch after the list even if stop() ran meanwhile.
        if (this.stopped) throw new Error('stopped');
        this.markSeen();
        if (this.kindErrors.delete(kind)) this.options.onStatusChange?.();
        if (!this.listed.has(kind)) {
          // ListWatch hands the items to its handlers synchronously once this promise
          // resolves; a macrotask runs after them, so only the first list counts as initial.
          setImmediate(() => this.listed.add(kind));
        }
        return list;
      },
      false,
      labelSelector,
    );
    for (const type of ['add', 'update', 'delete'] as const) {
      informer.on(type, object => {
        this.markSeen();
        this.restartDelays.delete(kind);
        onChange(kind, type, object as any, !this.listed.has(kind));
      });
    }
    informer.on('error', error => this.onInformerError(kind, error));
    this.informers.set(kind, informer);
  }

  private startInformer(kind: WatchedKind) {
    if (this.stopped) return;
    this.informers
      .get(kind)
      ?.start()
      .catch(error => this.onInformerError(kind, error));
  }

  private onInformerError(kind: WatchedKind, error: unknown) {
    if (this.stopped) return;
    const classified = classifyClusterError(error);
    const message = classified.detail;
    if (classified.status !== undefined) {
      // The cluster answered: it is up, this one kind is not readable.
      if (this.kindErrors.get(kind) !== classified.category) {
        this.kindErrors.set(kind, classified.category);
        this.options.onStatusChange?.();
      }
    } else {
      this.markUnreachable(classified.category, message);
    }
    const delay = Math.min(
      (this.restartDelays.get(kind) ?? 500) * 2,
      MAX_RESTART_DELAY_MS,
    );
    this.restartDelays.set(kind, delay);
    this.options.logger.debug(
      `Watch of ${kind} on ${this.cluster} failed (${message}); retrying in ${delay} ms`,
    );
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      this.startInformer(kind);
    }, delay);
    this.restartTimers.add(timer);
  }

  /** Asks GET /version: the liveness probe, and where the Kubernetes version comes from. */
  async probe(signal?: AbortSignal): Promise<void> {
    if (this.stopped) return;
    const { kubeConfig, probeTimeoutMs = 5_000 } = this.options;
    try {
      const version = await runWithDeadline(
        deadline =>
          makeClusterClients(kubeConfig, deadline, {})
            .api(VersionApi)
            .getCode(),
        {
          timeoutMs: probeTimeoutMs,
          signal,
          onDeadline: () =>
            Object.assign(
              new Error(`GET /version timed out after ${probeTimeoutMs} ms`),
              { name: 'TimeoutError' },
            ),
        },
      );
      if (this.stopped) return;
      if (this.kubernetesVersion !== version.gitVersion) {
        this.kubernetesVersion = version.gitVersion;
        this.options.onStatusChange?.();
      }
      this.markSeen();
    } catch (error) {
      // A probe cut short by shutdown or the scheduler says nothing about the cluster.
      if (this.stopped || signal?.aborted) return;
      const classified = classifyClusterError(error);
      this.markUnreachable(classified.category, classified.detail);
    }
  }

  private markSeen() {
    this.lastSeenAt = new Date();
    if (this.reachability === 'reachable') return;
    this.reachability = 'reachable';
    this.errorCategory = undefined;
    this.options.onStatusChange?.();
  }

  private markUnreachable(category: ClusterErrorCategory, detail: string) {
    if (this.errorCategory !== category) {
      this.options.logger.warn(
        `Cluster ${this.cluster} is ${category}: ${detail}`,
      );
    }
    const changed =
      this.reachability !== 'unreachable' || this.errorCategory !== category;
    this.reachability = 'unreachable';
    this.errorCategory = category;
    if (changed) this.options.onStatusChange?.();
  }
}
