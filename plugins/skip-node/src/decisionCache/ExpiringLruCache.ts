import { createHash } from 'node:crypto';

type Entry<V> = { value: Promise<V>; expiresAt: number };

/**
 * A small in-process map of promises with a time to live and a size bound (least recently
 * used goes first). Lookups of a key being loaded share the one load, and a failed load is
 * forgotten at once, so errors are never served from the cache.
 *
 * Why not Backstage's CacheService: it is async and serialises every value (Keyv), so a hit
 * costs about what the work it saves costs here, it cannot hold an in-flight promise to
 * coalesce concurrent lookups, and a shared store (Redis, Memcache) would move per-user
 * authorization answers out of the process for no gain: a decision is cheap to ask again
 * after a restart and must expire within seconds anyway.
 */
export class ExpiringLruCache<V> {
  private readonly entries = new Map<string, Entry<V>>();

  private constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number,
  ) {}

  static create<V>(options: {
    /** How long an answer is served after it was asked for; 0 turns the cache off. */
    ttlMs: number;
    maxEntries: number;
    /** The clock, for tests. */
    now?: () => number;
  }): ExpiringLruCache<V> {
    return new ExpiringLruCache<V>(
      Math.max(0, options.ttlMs),
      Math.max(1, options.maxEntries),
      options.now ?? Date.now,
    );
  }

  /** Whether anything is kept at all (a TTL of 0 turns the cache off). */
  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** How many answers are held, expired ones included until they are looked up or pushed out. */
  get size(): number {
    return this.entries.size;
  }

  /** The answer for the key: a live cached one, the one being loaded, else a new load. */
  getOrLoad(longKey: string, load: () => Promise<V>): Promise<V> {
    if (!this.enabled) return load();
    // Keys hold a user's groups and refs from query strings: stored as a digest, an entry's
    // size does not depend on what a caller sends.
    const key = createHash('sha256').update(longKey).digest('base64');
    const now = this.now();
    const cached = this.entries.get(key);
    this.entries.delete(key);
    if (cached && cached.expiresAt > now) {
      // Re-inserted last: a Map iterates in insertion order, so the first key is the least recently used.
      this.entries.set(key, cached);
      return cached.value;
    }
    // The clock starts when the answer is asked for, not when it arrives: whatever is served
    // was decided at most ttlMs ago.
    const entry: Entry<V> = { value: load(), expiresAt: now + this.ttlMs };
    this.entries.set(key, entry);
    entry.value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return entry.value;
  }
}
