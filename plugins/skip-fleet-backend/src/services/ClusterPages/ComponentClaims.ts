import type {
  BackstageCredentials,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  ANNOTATION_SKIPERATOR_APPS,
  parseScopedNames,
} from '@internal/plugin-skip-common';

const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
const TTL_MS = 10_000;

type AppRef = { cluster: string; namespace: string; name: string };

/** "Is this namespace of this cluster the team's", as NamespaceAccess.ownedBy answers it. */
export type OwnedBy = (
  groupRef: string,
) => Promise<(cluster: string, namespace: string) => boolean>;

/** What a component needs to say which apps it claims. */
type ComponentClaim = {
  ref: string;
  /** From the skiperator-apps annotation; when given, the only apps it claims. */
  selectors: { scope?: string; name: string }[];
  /** Without the annotation: its kubernetes-id or name, for apps in its owner team's namespaces. */
  appName: string;
  ownerGroup?: string;
};

/**
 * Which catalog component claims an app, by the same rules a component's SKIP tab finds its
 * apps (DefaultAppLookup.appsForEntity): the skiperator-apps annotation, else an app named
 * like the component in its owner team's namespaces. Read with the caller's credentials, so
 * a component the caller may not see is never linked.
 */
export class ComponentClaims {
  private constructor(
    private readonly catalog: CatalogService,
    private readonly cache: CacheService,
    private readonly ownedBy: OwnedBy,
    private readonly logger: LoggerService,
  ) {}

  static create(options: {
    catalog: CatalogService;
    cache: CacheService;
    ownedBy: OwnedBy;
    logger: LoggerService;
  }): ComponentClaims {
    return new ComponentClaims(
      options.catalog,
      options.cache,
      options.ownedBy,
      options.logger,
    );
  }

  /**
   * The entity ref of the component claiming each app, keyed `<namespace>/<name>`. Links are
   * a convenience: when the catalog does not answer, the page comes without them.
   */
  async claimants(
    apps: AppRef[],
    credentials: BackstageCredentials,
  ): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (apps.length === 0) return found;
    let components: ComponentClaim[];
    try {
      components = await this.components(credentials);
      const owned = await this.ownerPredicates(components);
      for (const app of apps) {
        const claimant = components.find(c => claims(c, app, owned));
        if (claimant) found.set(`${app.namespace}/${app.name}`, claimant.ref);
      }
    } catch (error) {
      this.logger.warn(`Cluster page without component links: ${error}`);
    }
    return found;
  }

  private async components(
    credentials: BackstageCredentials,
  ): Promise<ComponentClaim[]> {
    // What the catalog shows one caller it may hide from another, so the key holds the caller.
    const key = `cluster-page-components:${JSON.stringify(
      credentials.principal,
    )}`;
    const cached = await this.cache.get<ComponentClaim[]>(key);
    if (cached) return cached;
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'Component' },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.annotations',
          'spec.owner',
        ],
      },
      { credentials },
    );
    const components = items
      .map(toComponentClaim)
      .sort((a, b) => a.ref.localeCompare(b.ref));
    await this.cache.set(key, components, { ttl: TTL_MS });
    return components;
  }

  /** One "is it the team's" predicate per owner group of an unannotated component. */
  private async ownerPredicates(components: ComponentClaim[]) {
    const groups = new Set(
      components
        .filter(c => c.selectors.length === 0 && c.ownerGroup)
        .map(c => c.ownerGroup!),
    );
    const predicates = new Map<
      string,
      (cluster: string, namespace: string) => boolean
    >();
    for (const group of groups) {
      predicates.set(group, await this.ownedBy(group));
    }
    return predicates;
  }
}

function claims(
  component: ComponentClaim,
  app: AppRef,
  owned: Map<string, (cluster: string, namespace: string) => boolean>,
): boolean {
  if (component.selectors.length > 0) {
    return component.selectors.some(
      s => s.name === app.name && (!s.scope || s.scope === app.namespace),
    );
  }
  if (component.appName !== app.name || !component.ownerGroup) return false;
  return owned.get(component.ownerGroup)?.(app.cluster, app.namespace) ?? false;
}

function toComponentClaim(entity: Entity): ComponentClaim {
  const annotations = entity.metadata.annotations ?? {};
  return {
    ref: stringifyEntityRef(entity),
    selectors: parseScopedNames(annotations[ANNOTATION_SKIPERATOR_APPS]),
    appName: annotations[KUBERNETES_ID_ANNOTATION] ?? entity.metadata.name,
    ownerGroup: ownerGroupOf(entity),
  };
}

/** The owner of a component when it is a group (a user owns no namespaces). */
function ownerGroupOf(entity: Entity): string | undefined {
  const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string') return undefined;
  try {
    const ref = parseEntityRef(owner, {
      defaultKind: 'group',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    });
    return ref.kind.toLocaleLowerCase('en-US') === 'group'
      ? stringifyEntityRef(ref)
      : undefined;
  } catch {
    return undefined;
  }
}
