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
    let prefixResources: Entity[];
    try {
      const credentials = await this.auth.getOwnServiceCredentials();
      [{ items }, { items: prefixResources }] = await Promise.all([
        this.catalog.getEntities(
          {
            filter: { kind: 'Group' },
            fields: [
              'kind',
              'metadata.name',
              'metadata.namespace',
              'metadata.annotations',
            ],
          },
          { credentials },
        ),
        // Prefixes granted through the onboarding plugin are Resources owned by their team.
        this.catalog.getEntities(
          {
            // Only the onboarding plugin's: a Resource from anyone's catalog-info.yaml grants nothing.
            filter: {
              kind: 'Resource',
              'spec.type': 'namespace-prefix',
              'metadata.annotations.backstage.io/managed-by-origin-location':
                'skip-onboarding:prefixes',
            },
            fields: ['metadata.annotations', 'spec.owner'],
          },
          { credentials },
        ),
      ]);
    } catch (error) {
      this.logger.warn(`Could not read teams from the catalog: ${error}`);
      throw new ServiceUnavailableError(
        'The catalog did not answer, so namespace ownership is unknown; try again',
      );
    }
    const groups = items.map(group => ({
      groupRef: stringifyEntityRef(group).toLocaleLowerCase('en-US'),
      name: group.metadata.name,
      prefix:
        group.metadata.annotations?.[ANNOTATION_NAMESPACE_PREFIX]?.trim() ||
        undefined,
    }));
    const granted = prefixResources.flatMap(resource => {
      const prefix =
        resource.metadata.annotations?.[ANNOTATION_NAMESPACE_PREFIX]?.trim();
      const owner = String(resource.spec?.owner ?? '').toLocaleLowerCase(
        'en-US',
      );
      const group = groups.find(g => g.groupRef === owner);
      return prefix && group ? [{ ...group, prefix }] : [];
    });
    const claimants = [...groups, ...granted];
    await this.cache.set(CACHE_KEY, claimants, { ttl: TTL_MS });
    return claimants;
  }
}
