import { createApiRef } from '@backstage/core-plugin-api';
import {
  AppsResponse,
  ArgoRefreshType,
  ArgoSyncRequest,
  ListClustersResponse,
  NamespacesResponse,
  ResourceDetails,
  ResourceRef,
} from '@internal/plugin-skip-common';

/** Names one Argo CD Application: the instance and where the object lives. */
export type ArgoAppRef = {
  instance: string;
  namespace: string;
  name: string;
};

/** Names one pod on one cluster, and optionally one of its containers. */
export type PodLogRef = {
  cluster: string;
  namespace: string;
  pod: string;
  container?: string;
};

/** Client of the skip-fleet backend: clusters, apps, drill-downs, logs and Argo CD actions. */
export type SkipFleetApi = {
  /** Every cluster of the fleet with what it last reported. */
  listClusters(): Promise<ListClustersResponse>;
  /** The apps of a component (by entity ref) or of a team (by group ref), across clusters. */
  getApps(
    query: { entityRef: string } | { team: string },
  ): Promise<AppsResponse>;
  /** The namespaces of a team across clusters. */
  getNamespaces(query: { team: string }): Promise<NamespacesResponse>;
  /** Conditions, events and pods of one resource. */
  getResourceDetails(ref: ResourceRef): Promise<ResourceDetails>;
  /** The last lines of a pod's log. */
  getPodLog(ref: PodLogRef, options?: { tailLines?: number }): Promise<string>;
  /** Follows a pod's log: yields text as the cluster writes it, until the signal aborts. */
  followPodLog(
    ref: PodLogRef,
    options: { tailLines?: number; signal: AbortSignal },
  ): AsyncIterable<string>;
  /** Asks Argo CD to compare the app with git again. */
  refreshArgoApp(app: ArgoAppRef, type: ArgoRefreshType): Promise<void>;
  /** Asks Argo CD to sync the app. */
  syncArgoApp(
    app: ArgoAppRef,
    request?: Partial<ArgoSyncRequest>,
  ): Promise<void>;
};

/** Reference to the {@link SkipFleetApi}. */
export const skipFleetApiRef = createApiRef<SkipFleetApi>({
  id: 'plugin.skip.fleet',
});
