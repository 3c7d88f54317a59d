import type {
  AuthService,
  CacheService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_NAMESPACE_PREFIX,
  NamespaceClaimant,
} from '@internal/plugin-skip-common';

const CACHE_KEY = 'namespace-claimants';
const TTL_MS = 30_000;

/**
 * The teams of the catalog as namespace ownership needs them (group, name, prefix). Read
 * with the plugin's own credentials, because who owns a namespace must not depend on what
 * the caller may see, and kept in the cache service for a short while.
 */
export class TeamDirectory {
  private constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly cache: CacheService,
  ) {}

  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    cache: CacheService;
  }): TeamDirectory {
    return new TeamDirectory(options.catalog, options.auth, options.cache);
  }

  async claimants(): Promise<NamespaceClaimant[]> {
    const cached = await this.cache.get<NamespaceClaimant[]>(CACHE_KEY);
    if (cached) return cached;
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    const claimants = items.map(group => ({
      groupRef: stringifyEntityRef(group).toLocaleLowerCase('en-US'),
      name: group.metadata.name,
      prefix:
        group.metadata.annotations?.[ANNOTATION_NAMESPACE_PREFIX]?.trim() ||
        undefined,
    }));
    await this.cache.set(CACHE_KEY, claimants, { ttl: TTL_MS });
    return claimants;
  }
}
