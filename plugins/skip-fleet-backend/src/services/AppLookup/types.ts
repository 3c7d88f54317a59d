import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  AppsResponse,
  ListClustersResponse,
  NamespacesResponse,
} from '@internal/plugin-skip-common';

/** Finds apps and namespaces in the watch cache: for a catalog entity, for a team, per cluster. */
export interface AppLookup {
  listClusters(): ListClustersResponse;
  /** The Skiperator apps (and listed Argo CD apps) a component claims through its annotations. */
  appsForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse>;
  /** Every app in the namespaces a team owns (namespace label first, then prefix). */
  appsForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse>;
  namespacesForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<NamespacesResponse>;
}
