import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  ClusterDetails,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import type { FleetCache } from '../FleetCache';
import { ComponentClaims } from './ComponentClaims';
import { toClusterApp } from './toClusterApp';
import { toClusterNodes } from './toClusterNodes';
import type { ClusterPages } from './types';

/**
 * Builds a cluster's page from the watch cache alone: the fleet row, the nodes, the apps
 * with their summaries (the same every fleet reader gets from /apps), and the catalog
 * components the caller may see that claim them.
 */
export class DefaultClusterPages implements ClusterPages {
  private constructor(
    private readonly cache: FleetCache,
    private readonly components: ComponentClaims,
  ) {}

  static create(options: {
    cache: FleetCache;
    components: ComponentClaims;
  }): DefaultClusterPages {
    return new DefaultClusterPages(options.cache, options.components);
  }

  async details(
    cluster: string,
    credentials: BackstageCredentials,
  ): Promise<ClusterDetails> {
    const rows = this.cache.clusters();
    const row = rows.find(r => r.metadata.name === cluster);
    if (!row) throw new NotFoundError(`No cluster '${cluster}'`);
    const summaries = this.cache
      .appsInNamespaces(c => c === cluster)
      .flatMap(ref => this.cache.summary(ref) ?? [])
      .sort(byNamespaceAndName);
    const claimants = await this.components.claimants(summaries, credentials);
    return {
      cluster: row,
      manages:
        row.metadata.role === 'admin'
          ? rows
              .filter(r => r.metadata.adminCluster === cluster)
              .map(r => r.metadata.name)
              .sort()
          : [],
      ...toClusterNodes(this.cache.nodes(cluster)),
      apps: summaries.map(s =>
        toClusterApp(s, claimants.get(`${s.namespace}/${s.name}`)),
      ),
      generatedAt: new Date().toISOString(),
    };
  }
}

function byNamespaceAndName(
  a: SkiperatorAppSummary,
  b: SkiperatorAppSummary,
): number {
  return a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}
