import type {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceUnavailableError } from '@backstage/errors';
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
    private readonly logger: LoggerService,
  ) {}

  static create(options: {
    catalog: CatalogService;
    auth: AuthService;
    cache: CacheService;
    logger: LoggerService;
  }): TeamDirectory {
    return new TeamDirectory(
      options.catalog,
      options.auth,
      options.cache,
      options.logger,
    );
  }

  async claimants(): Promise<NamespaceClaimant[]> {
    const cached = await this.cache.get<NamespaceClaimant[]>(CACHE_KEY);
    if (cached) return cached;
    let items: Entity[];
    try {
      ({ items } = await this.catalog.getEntities(
        {
          filter: { kind: 'Group' },
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
          ],
        },
        { credentials: await this.auth.getOwnServiceCredentials() },
      ));
    } catch (error) {
      this.logger.warn(`Could not read teams from the catalog: ${error}`);
      throw new ServiceUnavailableError(
        'The catalog did not answer, so namespace ownership is unknown; try again',
      );
    }
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
