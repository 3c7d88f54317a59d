import { KubeConfig, VersionApi } from '@kubernetes/client-node';
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
import { KindInformer } from './KindInformer';
import { kindsToRead } from './kindsToRead';
import { WatchedKind, WatchedKinds } from './kubeTypes';
import { projectWatched } from './projectWatched';

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
  /**
   * Poll instead of watch (a Connect gateway's plan): list every kind this long after its
   * last list, and probe /version once per interval itself instead of on the schedule.
   */
  pollIntervalMs?: number;
  /** Poll mode: wait this long before the first round, so the gateway's clusters take turns. */
  firstRoundDelayMs?: number;
  /** A kind's list completed in `pages` requests (what a gateway's plan counts). */
  onListed?: (kind: WatchedKind, pages: number) => void;
};

const MAX_RESTART_DELAY_MS = 30_000;

/**
 * Keeps one cluster's objects in memory with one {@link KindInformer} per kind (slim
 * projections, listed then watched, or listed every interval in poll mode), restarts
 * informers that fail with backoff, and tracks whether the cluster is reachable. Stale
 * objects stay served while it is not, so rows can show their age.
 */
export class ClusterWatch {
  readonly cluster: string;
  private readonly informers = new Map<
    WatchedKind,
    KindInformer<WatchedKinds[WatchedKind]>
  >();
  private readonly restartDelays = new Map<WatchedKind, number>();
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private pollIntervalMs?: number;

  reachability: Reachability = 'pending';
  lastSeenAt?: Date;
  /** Why the cluster is unreachable, as a category; the detail goes only to the log. */
  errorCategory?: ClusterErrorCategory;
  kubernetesVersion?: string;
  /** Kinds the cluster answers with an error (a missing CRD, no permission) while it is otherwise up. */
  readonly kindErrors = new Map<WatchedKind, ClusterErrorCategory>();

  constructor(private readonly options: ClusterWatchOptions) {
    this.cluster = options.cluster;
    this.pollIntervalMs = options.pollIntervalMs;
  }

  /** Whether it polls (lists every interval, probes itself) instead of watching. */
  get polling(): boolean {
    return this.pollIntervalMs !== undefined;
  }

  start(): void {
    for (const { kind, path, labelSelector } of kindsToRead(this.options)) {
      this.add(kind, path, labelSelector);
    }
    const delay = this.options.firstRoundDelayMs ?? 0;
    if (this.polling && delay > 0) {
      this.later(delay, () => this.startReading());
    } else {
      this.startReading();
    }
  }

  /** A poll-mode cluster's new interval (the gateway re-planned); it applies from the next wait. */
  setPollInterval(ms: number): void {
    if (!this.polling) return;
    this.pollIntervalMs = ms;
    for (const informer of this.informers.values())
      informer.setPollInterval(ms);
  }

  private startReading() {
    for (const kind of this.informers.keys()) this.startInformer(kind);
    // The scheduler repeats the probe of a watched cluster; the first one runs now so
    // versions show at once. A polled cluster probes once per round, as its plan counts.
    void this.probe().finally(() => this.probeNextRound());
  }

  private probeNextRound() {
    if (this.pollIntervalMs === undefined) return;
    this.later(this.pollIntervalMs, () =>
      this.probe().finally(() => this.probeNextRound()),
    );
  }

  private later(ms: number, run: () => unknown) {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.restartTimers.delete(timer);
      if (!this.stopped) run();
    }, ms);
    this.restartTimers.add(timer);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.restartTimers) clearTimeout(timer);
    for (const informer of this.informers.values()) informer.stop();
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
    return this.informers.get(kind)?.get(namespace, name) as
      | WatchedKinds[K]
      | undefined;
  }

  private add(kind: WatchedKind, path: string, labelSelector?: string) {
    const { kubeConfig, onChange } = this.options;
    const informer = new KindInformer<WatchedKinds[WatchedKind]>({
      kubeConfig,
      path,
      labelSelector,
      pollIntervalMs: this.pollIntervalMs,
      project: projectWatched[kind],
      onChange: (type, object, initial) => {
        this.restartDelays.delete(kind);
        onChange(kind, type, object, initial);
      },
      onAnswer: () => this.markSeen(),
      onListed: pages => {
        if (this.kindErrors.delete(kind)) this.options.onStatusChange?.();
        this.options.onListed?.(kind, pages);
      },
      onError: error => this.onInformerError(kind, error),
    });
    this.informers.set(kind, informer);
  }

  private startInformer(kind: WatchedKind) {
    if (this.stopped) return;
    this.informers.get(kind)?.start();
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
    const backoff = Math.min(
      (this.restartDelays.get(kind) ?? 500) * 2,
      MAX_RESTART_DELAY_MS,
    );
    this.restartDelays.set(kind, backoff);
    // A polled cluster retries no sooner than its next round: the plan counts one list a round.
    const delay = Math.max(backoff, this.pollIntervalMs ?? 0);
    this.options.logger.debug(
      `Reading ${kind} on ${this.cluster} failed (${message}); retrying in ${delay} ms`,
    );
    this.later(delay, () => this.startInformer(kind));
  }

  /**
   * Asks GET /version: the liveness probe, and where the Kubernetes version comes from.
   * Scheduled for watched clusters only ({@link ClusterWatches.probe}); a polled one asks once a round.
   */
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
