import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import {
  FleetChangeSignal,
  SKIP_FLEET_SIGNAL_CHANNEL,
} from '@internal/plugin-skip-common';
import type { AppRef, FleetCache, FleetChange } from '../FleetCache';
import { noticeableAppState, noticeableClusterState } from './noticeableState';

/** The shortest time between two messages by default. */
export const DEFAULT_BATCH_MS = 750;

const appKey = (ref: AppRef) => `${ref.cluster}/${ref.namespace}/${ref.name}`;

/**
 * Tells open pages that a cluster row or an app summary changed, on
 * {@link SKIP_FLEET_SIGNAL_CHANNEL}. At most one message goes out per batch window: a change
 * after a quiet window is sent at once, later ones are gathered until the window ends. Only
 * what a person would notice is sent: each row and summary is compared
 * with what was last seen, without the timestamps controllers rewrite on every reconcile.
 */
export class ChangeSignals {
  /** Apps touched since the last flush; `initial` stays true only if every touch was. */
  private readonly pendingApps = new Map<
    string,
    { ref: AppRef; initial: boolean }
  >();
  private readonly pendingClusters = new Set<string>();
  /** What was last seen of each app and cluster, as {@link noticeableAppState} digests. */
  private readonly appStates = new Map<string, string>();
  private readonly clusterStates = new Map<string, string>();
  private timer?: NodeJS.Timeout;
  private lastFlushAt = -Infinity;
  private unsubscribe?: () => void;

  private constructor(
    private readonly cache: FleetCache,
    private readonly signals: SignalsService,
    private readonly logger: LoggerService,
    private readonly batchMs: number,
  ) {}

  static create(options: {
    cache: FleetCache;
    signals: SignalsService;
    logger: LoggerService;
    /** At most one message per this many milliseconds. */
    batchMs?: number;
  }): ChangeSignals {
    return new ChangeSignals(
      options.cache,
      options.signals,
      options.logger,
      options.batchMs ?? DEFAULT_BATCH_MS,
    );
  }

  /** Starts listening; call before the cache starts, so its first lists become the baseline. */
  start(): void {
    this.unsubscribe = this.cache.onChange(change => this.record(change));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private record(change: FleetChange) {
    if (change.type === 'cluster') {
      this.pendingClusters.add(change.cluster);
    } else {
      const key = appKey(change.app);
      const pending = this.pendingApps.get(key);
      this.pendingApps.set(key, {
        ref: change.app,
        initial: change.initial && (pending?.initial ?? true),
      });
    }
    // The first change after a quiet spell goes out at once (what a person waits for); changes
    // that follow within the window are gathered into the next message.
    this.timer ??= setTimeout(
      () => void this.flush(),
      Math.max(0, this.lastFlushAt + this.batchMs - Date.now()),
    );
  }

  private async flush() {
    this.timer = undefined;
    this.lastFlushAt = Date.now();
    const message: FleetChangeSignal = {
      clusters: this.changedClusters(),
      apps: this.changedApps(),
    };
    if (message.clusters.length === 0 && message.apps.length === 0) return;
    try {
      await this.signals.publish<FleetChangeSignal>({
        recipients: { type: 'broadcast' },
        channel: SKIP_FLEET_SIGNAL_CHANNEL,
        message,
      });
    } catch (error) {
      // A page that misses a signal still refreshes on its own; the cache is unaffected.
      this.logger.warn(`Could not signal fleet changes: ${error}`);
    }
  }

  private changedApps(): string[] {
    const changed: string[] = [];
    for (const [key, { ref, initial }] of this.pendingApps) {
      const summary = this.cache.summary(ref);
      const state = summary ? noticeableAppState(summary) : undefined;
      const before = this.appStates.get(key);
      if (state === undefined) this.appStates.delete(key);
      else this.appStates.set(key, state);
      // A first list only sets the baseline: the app was there before this process started.
      if (!initial && state !== before) changed.push(key);
    }
    this.pendingApps.clear();
    return changed.sort();
  }

  private changedClusters(): string[] {
    if (this.pendingClusters.size === 0) return [];
    const changed: string[] = [];
    for (const row of this.cache.clusters()) {
      const name = row.metadata.name;
      if (!this.pendingClusters.has(name)) continue;
      const state = noticeableClusterState(row);
      if (this.clusterStates.get(name) !== state) changed.push(name);
      this.clusterStates.set(name, state);
    }
    this.pendingClusters.clear();
    return changed.sort();
  }
}
