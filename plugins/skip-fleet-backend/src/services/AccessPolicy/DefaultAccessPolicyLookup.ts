import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  AppAccessPolicy,
  SkiperatorAppRef,
} from '@internal/plugin-skip-common';
import type { FleetCache } from '../FleetCache';
import type { NamespaceAccess } from '../NamespaceAccess';
import { resolveAccessPolicy } from './resolveAccessPolicy';
import { accessPolicyOf } from './skiperatorAccessPolicy';
import type { AccessPolicyLookup } from './types';
import {
  ComponentRefs,
  namedApps,
  withComponentLinks,
} from './withComponentLinks';

/** Which catalog component claims each app (ClusterPages' ComponentClaims); links only, never a failure. */
export type ComponentClaimLookup = {
  claimants(
    apps: { cluster: string; namespace: string; name: string }[],
    credentials: BackstageCredentials,
  ): Promise<ComponentRefs>;
};

/**
 * Resolves an app's access policy from the watch cache: the cluster's Skiperator apps (their
 * specs), its namespaces (their labels) and the apps' summaries (their health), so the answer
 * costs no cluster call. Rules only reach apps of the same cluster, as NetworkPolicies do.
 */
export class DefaultAccessPolicyLookup implements AccessPolicyLookup {
  private constructor(
    private readonly cache: FleetCache,
    private readonly access: NamespaceAccess,
    private readonly components: ComponentClaimLookup,
  ) {}

  static create(options: {
    cache: FleetCache;
    access: NamespaceAccess;
    components: ComponentClaimLookup;
  }): DefaultAccessPolicyLookup {
    return new DefaultAccessPolicyLookup(
      options.cache,
      options.access,
      options.components,
    );
  }

  async accessPolicy(
    ref: SkiperatorAppRef,
    credentials: BackstageCredentials,
  ): Promise<AppAccessPolicy> {
    const { cluster, namespace, name } = ref;
    // Who may look comes before whether it exists: a refused caller learns nothing of the app.
    await this.access.requireToLookInto(credentials, cluster, namespace);
    const objects = this.cache.skiperatorApps(cluster);
    const object = objects.find(
      o => o.metadata?.namespace === namespace && o.metadata?.name === name,
    );
    if (!object) {
      throw new NotFoundError(
        `No Skiperator app '${name}' in namespace '${namespace}' on cluster '${cluster}'`,
      );
    }
    const apps = objects.map(o => ({
      namespace: o.metadata?.namespace ?? '',
      name: o.metadata?.name ?? '',
      accessPolicy: accessPolicyOf(o),
    }));
    const labels = new Map(
      this.cache
        .clusterNamespaces(cluster)
        .map(n => [n.metadata?.name ?? '', n.metadata?.labels ?? {}]),
    );
    const self = { namespace, name, accessPolicy: accessPolicyOf(object) };
    const resolved = resolveAccessPolicy(self, {
      cluster,
      apps,
      labelsOf: ns => labels.get(ns),
      healthOf: app =>
        this.cache.summary({ cluster, ...app })?.health ?? 'Unknown',
    });
    const components = await this.components.claimants(
      namedApps(resolved).map(app => ({ cluster, ...app })),
      credentials,
    );
    const skiperatorStatus = (
      object.status as { accessPolicies?: string } | undefined
    )?.accessPolicies;
    return {
      cluster,
      environment: this.cache.configuredCluster(cluster)!.metadata.environment,
      namespace,
      name,
      declared: self.accessPolicy !== undefined,
      ...(skiperatorStatus ? { skiperatorStatus } : {}),
      ...withComponentLinks(resolved, components),
      freshness: this.cache.freshness(cluster),
      generatedAt: new Date().toISOString(),
    };
  }
}
