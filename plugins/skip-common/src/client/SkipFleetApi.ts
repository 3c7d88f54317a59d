import type {
  AppsResponse,
  ArgoAppRef,
  ArgoRollbackRequest,
  ArgoSyncRequest,
  ListClustersResponse,
  NamespacesResponse,
  PodRef,
  ResourceDetails,
  ResourceRef,
} from '../fleet/types';
import type { ClusterDetails } from '../fleet/clusterDetails';
import type { ResourceTree, SkiperatorAppRef } from '../fleet/resourceTree';
import type { AppAccessPolicy } from '../fleet/accessPolicy';
import type { ArgoRefreshType } from '../model/argocd';
import type { ArgoAppDetails } from '../model/argoDetails';
import type { ArgoAppDiff } from '../model/argoDiff';

/** Which lines of a pod's log: one container (the first when not given), the last `tailLines` lines. */
export type PodLogOptions = {
  container?: string;
  tailLines?: number;
  /** The container's previous run (after a restart); not with follow. */
  previous?: boolean;
};

/** Client of the skip-fleet backend: clusters, apps, drill-downs, logs and Argo CD actions. */
export interface SkipFleetApi {
  /** Every cluster of the fleet with what it last reported. */
  listClusters(): Promise<ListClustersResponse>;
  /** One cluster's page: nodes, versions, freshness and the apps on it; a 404 for an unknown cluster. */
  getClusterDetails(cluster: string): Promise<ClusterDetails>;
  /** The apps of a component (by entity ref) or of a team (by group ref), across clusters. */
  getApps(
    query: { entityRef: string } | { team: string },
  ): Promise<AppsResponse>;
  /** The namespaces of a team across clusters. */
  getNamespaces(query: { team: string }): Promise<NamespacesResponse>;
  /** Conditions, events, pods, the explanation of a failure and the YAML of one resource. */
  getResourceDetails(ref: ResourceRef): Promise<ResourceDetails>;
  /** A Skiperator app and what it owns, each with health, Argo CD sync status and why it fails. */
  getAppResourceTree(ref: SkiperatorAppRef): Promise<ResourceTree>;
  /** Who may call a Skiperator app and whom it calls: its accessPolicy resolved on its cluster. */
  getAppAccessPolicy(ref: SkiperatorAppRef): Promise<AppAccessPolicy>;
  /** The last lines of a pod's log. */
  getPodLog(ref: PodRef, options?: PodLogOptions): Promise<string>;
  /** Follows a pod's log: yields text as the cluster writes it, until the signal aborts. */
  followPodLog(
    ref: PodRef,
    options: PodLogOptions & { signal: AbortSignal },
  ): AsyncIterable<string>;
  /** Source, sync policy, last operation, history and the caller's allowed actions of an Argo CD app. */
  getArgoAppDetails(app: ArgoAppRef): Promise<ArgoAppDetails>;
  /** How each resource of the app differs from git, asked of its instance's Argo CD API. */
  getArgoAppDiff(app: ArgoAppRef): Promise<ArgoAppDiff>;
  /** Asks Argo CD to compare the app with git again. */
  refreshArgoApp(app: ArgoAppRef, type: ArgoRefreshType): Promise<void>;
  /** Asks Argo CD to sync the app. */
  syncArgoApp(
    app: ArgoAppRef,
    request?: Partial<ArgoSyncRequest>,
  ): Promise<void>;
  /** Asks Argo CD to deploy an earlier entry of the app's history again (auto-sync must be off). */
  rollbackArgoApp(
    app: ArgoAppRef,
    request: Pick<ArgoRollbackRequest, 'id'> & Partial<ArgoRollbackRequest>,
  ): Promise<void>;
}
