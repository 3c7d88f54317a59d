import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ClusterDetails } from '@internal/plugin-skip-common';

/** The cluster page: one cluster's nodes, versions, freshness and apps, from the watch cache. */
export interface ClusterPages {
  /**
   * What the cache holds of one cluster; a 404 naming it when it is not configured. A
   * cluster that does not answer still gets its page: the last objects seen and why not.
   */
  details(
    cluster: string,
    credentials: BackstageCredentials,
  ): Promise<ClusterDetails>;
}
