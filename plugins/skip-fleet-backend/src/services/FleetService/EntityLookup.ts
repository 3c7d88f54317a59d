import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

const TTL_MS = 10_000;
const MAX_ENTRIES = 2_000;

/**
 * Reads entities from the catalog, keeping each for a few seconds: a component page
 * polls, and its annotations change far less often than its apps do.
 */
export class EntityLookup {
  private readonly entries = new Map<
    string,
    { entity: Entity; expires: number; principal: string }
  >();

  constructor(private readonly catalog: CatalogService) {}

  async get(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Entity> {
    const principal = JSON.stringify(credentials.principal);
    const now = Date.now();
    const hit = this.entries.get(entityRef);
    if (hit && hit.expires > now && hit.principal === principal)
      return hit.entity;
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity)
      throw new NotFoundError(`No entity '${entityRef}' in the catalog`);
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(entityRef, { entity, expires: now + TTL_MS, principal });
    return entity;
  }
}
