import type {
  AppsResponse,
  ArgoAppRef,
  ArgoSyncRequest,
  ListClustersResponse,
  NamespacesResponse,
  PodRef,
  ResourceDetails,
  ResourceRef,
} from '../fleet/types';
import type { ArgoRefreshType } from '../model/argocd';

/** Which lines of a pod's log: one container (the first when not given), the last `tailLines` lines. */
export type PodLogOptions = {
  container?: string;
  tailLines?: number;
};

/** Client of the skip-fleet backend: clusters, apps, drill-downs, logs and Argo CD actions. */
export interface SkipFleetApi {
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
  getPodLog(ref: PodRef, options?: PodLogOptions): Promise<string>;
  /** Follows a pod's log: yields text as the cluster writes it, until the signal aborts. */
  followPodLog(
    ref: PodRef,
    options: PodLogOptions & { signal: AbortSignal },
  ): AsyncIterable<string>;
  /** Asks Argo CD to compare the app with git again. */
  refreshArgoApp(app: ArgoAppRef, type: ArgoRefreshType): Promise<void>;
  /** Asks Argo CD to sync the app. */
  syncArgoApp(
    app: ArgoAppRef,
    request?: Partial<ArgoSyncRequest>,
  ): Promise<void>;
}
