export { CachingPermissionsService } from './CachingPermissionsService';
export { CachedEntityReader } from './CachedEntityReader';
export type { EntityByRefCatalog } from './CachedEntityReader';
export {
  DEFAULT_DECISION_CACHE_TTL_SECONDS,
  readDecisionCacheOptions,
} from './DecisionCacheOptions';
export type { DecisionCacheOptions } from './DecisionCacheOptions';
export { ExpiringLruCache } from './ExpiringLruCache';
