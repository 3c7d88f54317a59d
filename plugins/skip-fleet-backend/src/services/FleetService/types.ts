import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Writable } from 'node:stream';
import {
  AppsResponse,
  ArgoRefreshRequest,
  ArgoSyncRequest,
  ListClustersResponse,
  NamespacesResponse,
  PodLogQuery,
  ResourceDetails,
  ResourceRef,
} from '@internal/plugin-skip-common';

/** Names one Argo CD Application: the instance it lives in, its namespace and name. */
export type ArgoAppRef = { instance: string; namespace: string; name: string };

/** What the fleet routes ask of the backend; reads come from the watch cache. */
export interface FleetService {
  listClusters(): ListClustersResponse;
  appsForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse>;
  appsForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse>;
  namespacesForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<NamespacesResponse>;
  /** Conditions, events and pods of one object, read live from its cluster. */
  resourceDetails(ref: ResourceRef): Promise<ResourceDetails>;
  podLog(ref: Omit<ResourceRef, 'kind'>, query: PodLogQuery): Promise<string>;
  /**
   * Streams a pod's log into `out` until `signal` aborts or the cluster ends it. Calls
   * `onOpen` once the cluster has accepted, so failures before that are real error answers.
   */
  followPodLog(
    ref: Omit<ResourceRef, 'kind'>,
    query: PodLogQuery,
    out: Writable,
    signal: AbortSignal,
    onOpen: () => void,
  ): Promise<void>;
  refreshArgoApp(
    ref: ArgoAppRef,
    request: ArgoRefreshRequest,
    credentials: BackstageCredentials,
  ): Promise<void>;
  syncArgoApp(
    ref: ArgoAppRef,
    request: ArgoSyncRequest,
    credentials: BackstageCredentials,
  ): Promise<void>;
}
