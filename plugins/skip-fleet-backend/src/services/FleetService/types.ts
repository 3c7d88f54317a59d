import type {
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
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

/** Who asks for a change: their credentials decide, the request names them in the audit log. */
export type Caller = {
  credentials: BackstageCredentials;
  request?: AuditorServiceCreateEventOptions['request'];
};

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
  /** Conditions, events and pods of one object, read live from its cluster (owning team and platform team only). */
  resourceDetails(
    ref: ResourceRef,
    credentials: BackstageCredentials,
  ): Promise<ResourceDetails>;
  podLog(
    ref: Omit<ResourceRef, 'kind'>,
    query: PodLogQuery,
    credentials: BackstageCredentials,
  ): Promise<string>;
  /**
   * Streams a pod's log into `out` until `signal` aborts or the cluster ends it. Calls
   * `onOpen` once the cluster has accepted, so failures before that are real error answers.
   */
  followPodLog(
    ref: Omit<ResourceRef, 'kind'>,
    query: PodLogQuery,
    credentials: BackstageCredentials,
    out: Writable,
    signal: AbortSignal,
    onOpen: () => void,
  ): Promise<void>;
  refreshArgoApp(
    ref: ArgoAppRef,
    request: ArgoRefreshRequest,
    caller: Caller,
  ): Promise<void>;
  syncArgoApp(
    ref: ArgoAppRef,
    request: ArgoSyncRequest,
    caller: Caller,
  ): Promise<void>;
}
