import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CachedEntityReader } from '@internal/plugin-skip-node';

/**
 * Reads entities from the catalog as the caller may see them. The reader keeps each answer
 * per user for the decision cache's TTL (a component page polls, and its annotations change
 * far less often than its apps do).
 */
export class EntityLookup {
  private constructor(private readonly entities: CachedEntityReader) {}

  static create(options: { entities: CachedEntityReader }): EntityLookup {
    return new EntityLookup(options.entities);
  }

  /** The entity, as the caller may see it; a 404 naming the ref when there is none. */
  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const entity = await this.entities.getEntityByRef(entityRef, credentials);
    if (!entity) {
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    }
    return entity;
  }
}
