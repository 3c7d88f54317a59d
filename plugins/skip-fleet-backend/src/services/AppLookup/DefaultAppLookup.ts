import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_ARGOCD_APPS,
  ANNOTATION_SKIPERATOR_APPS,
  AppsResponse,
  ArgoAppStatus,
  ListClustersResponse,
  NamespacesResponse,
  parseScopedNames,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { FleetCache } from '../FleetCache';
import { NamespaceAccess } from '../NamespaceAccess';
import { EntityLookup } from './EntityLookup';
import { AppLookup } from './types';

const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';

type AppRef = { cluster: string; namespace: string; name: string };
type NamespacePredicate = (cluster: string, namespace: string) => boolean;

/** Answers from the watch cache alone; the catalog says which apps an entity or team means. */
export class DefaultAppLookup implements AppLookup {
  private constructor(
    private readonly cache: FleetCache,
    private readonly entities: EntityLookup,
    private readonly access: NamespaceAccess,
  ) {}

  static create(options: {
    cache: FleetCache;
    entities: EntityLookup;
    access: NamespaceAccess;
  }): DefaultAppLookup {
    return new DefaultAppLookup(
      options.cache,
      options.entities,
      options.access,
    );
  }

  listClusters(): ListClustersResponse {
    return {
      items: this.cache.clusters(),
      generatedAt: new Date().toISOString(),
    };
  }

  async appsForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse> {
    const entity = await this.entities.get(entityRef, credentials);
    const annotations = entity.metadata.annotations ?? {};
    const selectors = parseScopedNames(annotations[ANNOTATION_SKIPERATOR_APPS]);
    let refs: AppRef[];
    if (selectors.length > 0) {
      refs = selectors.flatMap(s => this.cache.findApps(s.name, s.scope));
    } else {
      // Without an explicit annotation a component claims only its owner team's apps, so
      // a component named `api` never shows (or offers Sync on) another team's `api`.
      const name =
        annotations[KUBERNETES_ID_ANNOTATION] ?? entity.metadata.name;
      const owned = await this.ownerTeamNamespaces(entity);
      refs = this.cache
        .findApps(name)
        .filter(r => owned(r.cluster, r.namespace));
    }
    const items = this.summaries(refs);

    const argoSelectors = parseScopedNames(annotations[ANNOTATION_ARGOCD_APPS]);
    const joined = new Set(
      items.flatMap(i =>
        i.argo ? [`${i.argo.instance}/${i.argo.namespace}/${i.argo.name}`] : [],
      ),
    );
    const orphanArgoApps: ArgoAppStatus[] = argoSelectors
      .flatMap(s => this.cache.findArgoApps(s.name, s.scope))
      .filter(a => !joined.has(`${a.instance}/${a.namespace}/${a.name}`));
    return this.answer(items, orphanArgoApps);
  }

  async appsForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse> {
    const matches = await this.teamNamespaces(groupRef, credentials);
    return this.answer(
      this.summaries(this.cache.appsInNamespaces(matches)),
      [],
    );
  }

  async namespacesForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<NamespacesResponse> {
    const matches = await this.teamNamespaces(groupRef, credentials);
    const items = this.cache
      .namespaces()
      .filter(n =>
        matches(
          n.cluster,
          n.namespace.metadata?.name ?? '',
          n.namespace.metadata?.labels?.team,
        ),
      )
      .map(n => ({
        cluster: n.cluster,
        environment: this.cache.configuredCluster(n.cluster)!.metadata
          .environment,
        name: n.namespace.metadata?.name ?? '',
        team: n.namespace.metadata?.labels?.team,
        apps: n.apps,
        createdAt: n.namespace.metadata?.creationTimestamp
          ? new Date(n.namespace.metadata.creationTimestamp).toISOString()
          : undefined,
      }));
    return {
      items,
      clusters: this.cache.allFreshness(),
      generatedAt: new Date().toISOString(),
    };
  }

  private async teamNamespaces(
    groupRef: string,
    credentials: BackstageCredentials,
  ) {
    const group: Entity = await this.entities.get(groupRef, credentials);
    if (group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `team: '${groupRef}' is a ${group.kind}, not a Group`,
      );
    }
    return this.access.ownedBy(stringifyEntityRef(group));
  }

  /** The namespaces of the team that owns a component (spec.owner); none when a user owns it. */
  private async ownerTeamNamespaces(
    entity: Entity,
  ): Promise<NamespacePredicate> {
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string') return () => false;
    let ownerRef;
    try {
      ownerRef = parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
    } catch {
      return () => false;
    }
    if (ownerRef.kind.toLocaleLowerCase('en-US') !== 'group') {
      return () => false;
    }
    return this.access.ownedBy(stringifyEntityRef(ownerRef));
  }

  private summaries(refs: AppRef[]): SkiperatorAppSummary[] {
    const items: SkiperatorAppSummary[] = [];
    for (const ref of refs) {
      const summary = this.cache.summary(ref);
      if (summary) items.push(summary);
    }
    return items;
  }

  private answer(
    items: SkiperatorAppSummary[],
    orphanArgoApps: ArgoAppStatus[],
  ): AppsResponse {
    return {
      items,
      orphanArgoApps,
      clusters: this.cache.allFreshness(),
      generatedAt: new Date().toISOString(),
    };
  }
}
