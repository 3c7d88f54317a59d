import { randomUUID } from 'node:crypto';
import { deepEqual } from './deepEqual';
import { tracksGeneration } from './tracksGeneration';
import { KubeObject, StoreEvent } from './types';

/** A store event together with the resourceVersion it happened at, for watch replay. */
export type RecordedEvent = StoreEvent & { resourceVersion: number; recordedAt: number };

/**
 * How much watch history a cluster keeps. A real API server keeps a bounded window (its watch
 * cache, then etcd compaction), so a watch resuming from an older resourceVersion gets 410 Expired.
 */
export type WatchHistoryOptions = {
  /** events older than this are compacted (default 75 s, kube-apiserver's watch cache freshness) */
  windowMs?: number;
  /** at most this many events are kept (default 20,000) */
  maxEvents?: number;
};

/** The defaults of WatchHistoryOptions. */
export const DEFAULT_WATCH_HISTORY: Required<WatchHistoryOptions> = { windowMs: 75_000, maxEvents: 20_000 };

/** The API group of an apiVersion: '' for core 'v1'. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function typeKey(apiVersion: string, kind: string): string {
  // Objects are keyed by group, not version, so every served version of a kind sees the same objects.
  return `${groupOf(apiVersion)}/${kind}`;
}

function objectKey(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

function withoutMetaAndStatus(obj: KubeObject): Record<string, unknown> {
  const { metadata: _m, status: _s, ...rest } = obj;
  return rest;
}

/**
 * The objects of one simulated cluster. One resourceVersion counter per cluster, bumped on every
 * write; objects handed in and out are copies, so callers may mutate what they get.
 */
export class ObjectStore {
  private readonly types = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Set<(event: StoreEvent) => void>();
  private readonly history: RecordedEvent[] = [];
  private rv = 0;
  private readonly historyWindowMs: number;
  private readonly historySize: number;

  /** @param history how much history is kept for watches that resume from a resourceVersion */
  constructor(history: WatchHistoryOptions = {}) {
    this.historyWindowMs = history.windowMs ?? DEFAULT_WATCH_HISTORY.windowMs;
    this.historySize = history.maxEvents ?? DEFAULT_WATCH_HISTORY.maxEvents;
  }

  /**
   * Creates or replaces by apiVersion/kind/namespace/name without a resourceVersion check; sets
   * uid/creationTimestamp/generation on create, bumps generation when anything but metadata and
   * status changed (generation only for kinds that have one: see tracksGeneration). A deep-equal no-op changes nothing. Putting an object that carries a
   * deletionTimestamp and no finalizers removes it, as the real API server does.
   */
  put(obj: KubeObject): KubeObject {
    const candidate = structuredClone(obj);
    const meta = candidate.metadata;
    const bucket = this.bucket(candidate.apiVersion, candidate.kind);
    const key = objectKey(meta.namespace, meta.name);
    const existing = bucket.get(key);
    if (existing) {
      meta.uid = existing.metadata.uid;
      meta.creationTimestamp = existing.metadata.creationTimestamp;
      meta.resourceVersion = existing.metadata.resourceVersion;
      const specChanged = !deepEqual(withoutMetaAndStatus(candidate), withoutMetaAndStatus(existing));
      meta.generation = (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0);
      if (!tracksGeneration(candidate.apiVersion)) delete meta.generation;
      if (meta.deletionTimestamp && !meta.finalizers?.length) {
        return this.remove(candidate.apiVersion, candidate.kind, meta.namespace, meta.name) ?? candidate;
      }
      if (deepEqual(candidate, existing)) return structuredClone(existing);
    } else {
      meta.uid = meta.uid ?? randomUUID();
      meta.creationTimestamp = meta.creationTimestamp ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
      meta.generation = 1;
      if (!tracksGeneration(candidate.apiVersion)) delete meta.generation;
      if (meta.deletionTimestamp && !meta.finalizers?.length) return candidate;
    }
    meta.resourceVersion = String(++this.rv);
    bucket.set(key, candidate);
    this.emit({ type: existing ? 'MODIFIED' : 'ADDED', object: candidate });
    return structuredClone(candidate);
  }

  /** One object, or undefined. */
  get(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const found = this.peek(apiVersion, kind, namespace, name);
    return found && structuredClone(found);
  }

  /** Every object of a kind, in one namespace or (namespace undefined) all of them. */
  list(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    return this.scan(apiVersion, kind, namespace).map(o => structuredClone(o));
  }

  /** Deletes now (finalizers are the caller's business) and returns what was deleted. */
  remove(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    const bucket = this.types.get(typeKey(apiVersion, kind));
    const key = objectKey(namespace, name);
    const existing = bucket?.get(key);
    if (!bucket || !existing) return undefined;
    bucket.delete(key);
    // The real API server gives the DELETED event a fresh resourceVersion; watchers resume past it.
    const gone = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(++this.rv) } };
    this.emit({ type: 'DELETED', object: gone });
    return structuredClone(gone);
  }

  /** Subscribes to every change; returns the unsubscribe function. Do not mutate event objects. */
  onChange(listener: (event: StoreEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The cluster's current resourceVersion. */
  currentResourceVersion(): string {
    return String(this.rv);
  }

  /** The stored object itself, not a copy: read-only use by the HTTP layer. */
  peek(apiVersion: string, kind: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.types.get(typeKey(apiVersion, kind))?.get(objectKey(namespace, name));
  }

  /** The stored objects themselves, not copies, sorted by namespace and name: read-only use. */
  scan(apiVersion: string, kind: string, namespace?: string): KubeObject[] {
    const bucket = this.types.get(typeKey(apiVersion, kind));
    if (!bucket) return [];
    const out: KubeObject[] = [];
    for (const obj of bucket.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj);
    }
    return out.sort((a, b) =>
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
    );
  }

  /** Every stored object of every kind (read-only); used for namespace deletion and garbage collection. */
  *all(): Iterable<KubeObject> {
    for (const bucket of this.types.values()) yield* bucket.values();
  }

  /**
   * The events after resourceVersion `rv`, or undefined when the history no longer reaches back
   * that far (the watch must then answer 410 Expired).
   */
  eventsSince(rv: number): RecordedEvent[] | undefined {
    if (rv >= this.rv) return [];
    this.compact();
    const oldest = this.history[0];
    if (!oldest || oldest.resourceVersion > rv + 1) return undefined;
    let lo = 0;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.history[mid].resourceVersion <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /** The oldest resourceVersion a watch can still resume from. */
  oldestResumableVersion(): number {
    this.compact();
    return this.history.length ? this.history[0].resourceVersion - 1 : this.rv;
  }

  private bucket(apiVersion: string, kind: string): Map<string, KubeObject> {
    const key = typeKey(apiVersion, kind);
    let bucket = this.types.get(key);
    if (!bucket) {
      bucket = new Map();
      this.types.set(key, bucket);
    }
    return bucket;
  }

  /** Drops events older than the window, as etcd compaction does, so resuming from them expires. */
  private compact(): void {
    const horizon = Date.now() - this.historyWindowMs;
    if (!this.history.length || this.history[0].recordedAt >= horizon) return;
    let keep = 0;
    while (keep < this.history.length && this.history[keep].recordedAt < horizon) keep++;
    this.history.splice(0, keep);
  }

  private emit(event: StoreEvent): void {
    this.history.push({ ...event, resourceVersion: this.rv, recordedAt: Date.now() });
    // Trimmed in chunks so a burst of writes does not shift the array on every put.
    if (this.history.length > this.historySize + Math.min(1024, this.historySize)) {
      this.history.splice(0, this.history.length - this.historySize);
    }
    if (this.listeners.size === 0) return;
    const shared = { type: event.type, object: structuredClone(event.object) };
    for (const listener of [...this.listeners]) {
      try {
        listener(shared);
      } catch {
        // One failing listener must not break the write or the other listeners.
      }
    }
  }
}
