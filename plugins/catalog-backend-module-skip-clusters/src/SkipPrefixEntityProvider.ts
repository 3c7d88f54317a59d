import { createHash } from 'node:crypto';
import type {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_NAMESPACE_PREFIX,
  SkipOnboardingClient,
  type TeamPrefix,
} from '@internal/plugin-skip-common';

/** Also the origin location the readers of prefix Resources require: nobody else's Resource grants a prefix. */
const LOCATION = 'skip-onboarding:prefixes';
/** Resources of this type hold a team's namespace prefix; namespace ownership reads them. */
export const NAMESPACE_PREFIX_RESOURCE_TYPE = 'namespace-prefix';

/** The catalog Resource of a prefix granted through the portal: owned by its team, linked to its clusters. */
export function prefixEntity(prefix: TeamPrefix): ResourceEntity {
  const base = `namespace-prefix-${prefix.prefix.replace(/-+$/, '')}`;
  // Entity names have at most 63 characters; a long prefix keeps a stable hash instead of its end.
  const name =
    base.length <= 63
      ? base
      : `${base.slice(0, 54)}-${createHash('sha256')
          .update(base)
          .digest('hex')
          .slice(0, 8)}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      title: prefix.prefix,
      description: `Namespace prefix ${prefix.prefix} of ${prefix.team}: namespaces starting with it are the team's, on ${prefix.clusters.length} clusters (${prefix.namespaces.length} today)`,
      tags: ['namespace-prefix'],
      annotations: {
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
        [ANNOTATION_NAMESPACE_PREFIX]: prefix.prefix,
        'skip.kartverket.no/namespaces': prefix.namespaces
          .map(n => `${n.cluster}/${n.namespace}`)
          .join(','),
      },
    },
    spec: {
      type: NAMESPACE_PREFIX_RESOURCE_TYPE,
      owner: prefix.team,
      system: 'skip',
      dependsOn: prefix.clusters.map(c => `resource:default/${c}`),
    },
  };
}

/**
 * One catalog Resource per active prefix granted through the onboarding plugin, read from its
 * API with the catalog's own service token and replaced as a whole on each run.
 */
export class SkipPrefixEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly client: SkipOnboardingClient;

  constructor(
    discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
  ) {
    this.client = new SkipOnboardingClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: async (input, init) => {
          const { token } = await this.auth.getPluginRequestToken({
            onBehalfOf: await this.auth.getOwnServiceCredentials(),
            targetPluginId: 'skip-onboarding',
          });
          const headers = new Headers(init?.headers);
          headers.set('Authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
  }

  getProviderName(): string {
    return 'skip-prefixes';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  /** Reads the prefixes and replaces the Resources; a failure leaves the last ones in place. */
  async refresh(): Promise<void> {
    if (!this.connection) return;
    let items: TeamPrefix[];
    try {
      // Only the prefixes: their namespaces would mean listing every cluster's, every 15 s.
      ({ items } = await this.client.listPrefixes({ namespaces: false }));
    } catch (error) {
      this.logger.warn(
        `Namespace prefixes not read from skip-onboarding: ${
          (error as Error).message
        }`,
      );
      return;
    }
    await this.connection.applyMutation({
      type: 'full',
      entities: items
        .filter(p => p.source === 'onboarding' && p.state === 'active')
        .map(p => ({ entity: prefixEntity(p), locationKey: LOCATION })),
    });
  }
}
