import type {
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { DecisionCacheOptions } from './DecisionCacheOptions';
import { deepFreeze } from './deepFreeze';
import { ExpiringLruCache } from './ExpiringLruCache';
import { principalKey } from './principalKey';

/** The one call of the catalog service this needs. */
export type EntityByRefCatalog = {
  getEntityByRef(
    entityRef: string,
    options: { credentials: BackstageCredentials },
  ): Promise<Entity | undefined>;
};

/**
 * Catalog reads by ref made on a user's behalf, each kept for that user for the decision
 * cache's TTL. Per user because the catalog filters what it returns by the caller's
 * permissions: what one may see, another may not. "Not there" is kept too, so a removed or
 * hidden entity stays gone, and a new one appears, within the TTL. Other callers read
 * through uncached.
 */
export class CachedEntityReader {
  private constructor(
    private readonly catalog: EntityByRefCatalog,
    private readonly userInfo: UserInfoService,
    private readonly entities: ExpiringLruCache<Entity | undefined>,
  ) {}

  static create(
    options: {
      catalog: EntityByRefCatalog;
      userInfo: UserInfoService;
    } & DecisionCacheOptions,
  ): CachedEntityReader {
    return new CachedEntityReader(
      options.catalog,
      options.userInfo,
      ExpiringLruCache.create({
        ttlMs: options.ttlMs,
        maxEntries: options.maxEntries,
        now: options.now,
      }),
    );
  }

  /** The entity as the caller may see it (read-only: it may be shared with their next request); undefined when none. */
  async getEntityByRef(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity | undefined> {
    const read = () =>
      this.catalog.getEntityByRef(entityRef, { credentials }).then(deepFreeze);
    const caller = this.entities.enabled
      ? await principalKey(credentials, this.userInfo)
      : undefined;
    if (caller === undefined) return read();
    return this.entities.getOrLoad(`${caller}\n${entityRef}`, read);
  }
}
