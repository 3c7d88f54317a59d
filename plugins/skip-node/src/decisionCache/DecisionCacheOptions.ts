import type { Config } from '@backstage/config';

/** How long and how many per-user answers are kept (`skip.decisionCache`). */
export type DecisionCacheOptions = {
  /** The revocation bound: an answer is served at most this long after it was asked for; 0 turns caching off. */
  ttlMs: number;
  /** Answers kept per cache before the least recently used go. */
  maxEntries: number;
  /** The clock, for tests. */
  now?: () => number;
};

/** A revoked permission or a hidden entity takes effect within this many seconds by default. */
export const DEFAULT_DECISION_CACHE_TTL_SECONDS = 5;
const DEFAULT_MAX_ENTRIES = 10_000;

/** Reads `skip.decisionCache`; a wrong value stops start-up with a message naming the key. */
export function readDecisionCacheOptions(config: Config): DecisionCacheOptions {
  const ttlSeconds =
    config.getOptionalNumber('skip.decisionCache.ttlSeconds') ??
    DEFAULT_DECISION_CACHE_TTL_SECONDS;
  if (!Number.isFinite(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > 300) {
    throw new Error(
      `Invalid configuration: skip.decisionCache.ttlSeconds: must be between 0 and 300 seconds, got ${ttlSeconds}`,
    );
  }
  const maxEntries =
    config.getOptionalNumber('skip.decisionCache.maxEntries') ??
    DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new Error(
      `Invalid configuration: skip.decisionCache.maxEntries: must be a whole number of at least 1, got ${maxEntries}`,
    );
  }
  return { ttlMs: ttlSeconds * 1000, maxEntries };
}
