// openapi-fetch names its methods after the HTTP verbs (GET, POST), which new-cap takes for constructors.
/* eslint-disable new-cap */
import {
  createSkipApiClient,
  SkipApiClientOptions,
} from './createSkipApiClient';
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
import type { paths } from '../generated/skipFleet';
import type { PodLogOptions, SkipFleetApi } from './SkipFleetApi';

/** What the client needs of Backstage. */
export type SkipFleetClientOptions = SkipApiClientOptions;

/** {@link SkipFleetApi} over HTTP, typed by the skip-fleet OpenAPI spec; works in the browser and in backends. */
export class SkipFleetClient implements SkipFleetApi {
  private readonly discoveryApi: SkipFleetClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: SkipFleetClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createSkipApiClient<paths>(options);
  }

  async listClusters(): Promise<ListClustersResponse> {
    const { data } = await this.client.GET('/clusters', {
      baseUrl: await this.baseUrl(),
    });
    return data!;
  }

  async getClusterDetails(cluster: string): Promise<ClusterDetails> {
    const { data } = await this.client.GET('/clusters/{cluster}', {
      baseUrl: await this.baseUrl(),
      params: { path: { cluster } },
    });
    return data!;
  }

  async getApps(
    query: { entityRef: string } | { team: string },
  ): Promise<AppsResponse> {
    const { data } = await this.client.GET('/apps', {
      baseUrl: await this.baseUrl(),
      params: { query },
    });
    return data!;
  }

  async getNamespaces(query: { team: string }): Promise<NamespacesResponse> {
    const { data } = await this.client.GET('/namespaces', {
      baseUrl: await this.baseUrl(),
      params: { query },
    });
    return data!;
  }

  async getResourceDetails(ref: ResourceRef): Promise<ResourceDetails> {
    const { data } = await this.client.GET(
      '/resources/{cluster}/{namespace}/{kind}/{name}',
      { baseUrl: await this.baseUrl(), params: { path: ref } },
    );
    return data!;
  }

  async getAppResourceTree(ref: SkiperatorAppRef): Promise<ResourceTree> {
    const { data } = await this.client.GET(
      '/apps/{cluster}/{namespace}/{name}/tree',
      { baseUrl: await this.baseUrl(), params: { path: ref } },
    );
    return data!;
  }

  async getAppAccessPolicy(ref: SkiperatorAppRef): Promise<AppAccessPolicy> {
    const { data } = await this.client.GET(
      '/apps/{cluster}/{namespace}/{name}/access-policy',
      { baseUrl: await this.baseUrl(), params: { path: ref } },
    );
    return data!;
  }

  async getPodLog(ref: PodRef, options?: PodLogOptions): Promise<string> {
    const { data } = await this.client.GET(
      '/pods/{cluster}/{namespace}/{name}/log',
      {
        baseUrl: await this.baseUrl(),
        params: { path: ref, query: logQuery(options) },
        parseAs: 'text',
      },
    );
    return data!;
  }

  async *followPodLog(
    ref: PodRef,
    options: PodLogOptions & { signal: AbortSignal },
  ): AsyncIterable<string> {
    const { signal, ...query } = options;
    const { data: body } = await this.client.GET(
      '/pods/{cluster}/{namespace}/{name}/log',
      {
        baseUrl: await this.baseUrl(),
        params: { path: ref, query: { ...logQuery(query), follow: 'true' } },
        parseAs: 'stream',
        signal,
      },
    );
    if (!body) return;
    const reader = body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        if (text) yield text;
      }
    } catch (error) {
      // Aborting is how the caller stops following; it is not a failure.
      if (signal.aborted) return;
      throw error;
    } finally {
      reader.releaseLock();
    }
  }

  async getArgoAppDetails(app: ArgoAppRef): Promise<ArgoAppDetails> {
    const { data } = await this.client.GET(
      '/argocd/{instance}/{namespace}/{name}',
      { baseUrl: await this.baseUrl(), params: { path: app } },
    );
    return data!;
  }

  async getArgoAppDiff(app: ArgoAppRef): Promise<ArgoAppDiff> {
    const { data } = await this.client.GET(
      '/argocd/{instance}/{namespace}/{name}/diff',
      { baseUrl: await this.baseUrl(), params: { path: app } },
    );
    return data!;
  }

  async rollbackArgoApp(
    app: ArgoAppRef,
    request: Pick<ArgoRollbackRequest, 'id'> & Partial<ArgoRollbackRequest>,
  ): Promise<void> {
    await this.client.POST('/argocd/{instance}/{namespace}/{name}/rollback', {
      baseUrl: await this.baseUrl(),
      params: { path: app },
      body: request,
    });
  }

  async refreshArgoApp(app: ArgoAppRef, type: ArgoRefreshType): Promise<void> {
    await this.client.POST('/argocd/{instance}/{namespace}/{name}/refresh', {
      baseUrl: await this.baseUrl(),
      params: { path: app },
      body: { type },
    });
  }

  async syncArgoApp(
    app: ArgoAppRef,
    request?: Partial<ArgoSyncRequest>,
  ): Promise<void> {
    await this.client.POST('/argocd/{instance}/{namespace}/{name}/sync', {
      baseUrl: await this.baseUrl(),
      params: { path: app },
      body: request ?? {},
    });
  }

  private baseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl('skip-fleet');
  }
}

/** The query of a log request: the spec's flags are the strings 'true' / 'false'. */
function logQuery(options: PodLogOptions = {}) {
  const { previous, ...rest } = options;
  return previous ? { ...rest, previous: 'true' as const } : rest;
}
