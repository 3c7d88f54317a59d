import type {
  BackstageCredentials,
  CacheService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const TTL_MS = 10_000;

/**
 * Reads entities from the catalog, keeping each in the cache service for a few seconds: a
 * component page polls, and its annotations change far less often than its apps do. The
 * key holds the caller, because what the catalog lets one see it may hide from another.
 */
export class EntityLookup {
  private constructor(
    private readonly catalog: CatalogService,
    private readonly cache: CacheService,
  ) {}

  static create(options: {
    catalog: CatalogService;
    cache: CacheService;
  }): EntityLookup {
    return new EntityLookup(options.catalog, options.cache);
  }

  /** The entity, as the caller may see it; a 404 naming the ref when there is none. */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const key = `entity:${JSON.stringify(credentials.principal)}:${entityRef}`;
    const cached = await this.cache.get<Entity>(key);
    if (cached) return cached;
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    await this.cache.set(key, entity, { ttl: TTL_MS });
    return entity;
  }
}
