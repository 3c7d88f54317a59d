import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  AppsResponse,
  ArgoRefreshType,
  ArgoSyncRequest,
  ListClustersResponse,
  NamespacesResponse,
  ResourceDetails,
  ResourceRef,
} from '@internal/plugin-skip-common';
import { ArgoAppRef, PodLogRef, SkipFleetApi } from './SkipFleetApi';

const DEFAULT_TAIL_LINES = 200;

/** {@link SkipFleetApi} over HTTP to the skip-fleet backend. */
export class SkipFleetClient implements SkipFleetApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async listClusters(): Promise<ListClustersResponse> {
    return this.getJson('/clusters');
  }

  async getApps(
    query: { entityRef: string } | { team: string },
  ): Promise<AppsResponse> {
    const params =
      'entityRef' in query
        ? new URLSearchParams({ entityRef: query.entityRef })
        : new URLSearchParams({ team: query.team });
    return this.getJson(`/apps?${params}`);
  }

  async getNamespaces(query: { team: string }): Promise<NamespacesResponse> {
    return this.getJson(`/namespaces?${new URLSearchParams(query)}`);
  }

  async getResourceDetails(ref: ResourceRef): Promise<ResourceDetails> {
    return this.getJson(
      `/resources/${path(ref.cluster, ref.namespace, ref.kind, ref.name)}`,
    );
  }

  async getPodLog(
    ref: PodLogRef,
    options?: { tailLines?: number },
  ): Promise<string> {
    const res = await this.fetch(logUrl(ref, options?.tailLines, false));
    return res.text();
  }

  async *followPodLog(
    ref: PodLogRef,
    options: { tailLines?: number; signal: AbortSignal },
  ): AsyncIterable<string> {
    const res = await this.fetch(logUrl(ref, options.tailLines, true), {
      signal: options.signal,
    });
    if (!res.body) {
      // Without a readable body (old browsers), fall back to the whole text.
      yield await res.text();
      return;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        if (text) yield text;
      }
    } catch (error) {
      if (options.signal.aborted) return;
      throw error;
    } finally {
      reader.releaseLock();
    }
  }

  async refreshArgoApp(app: ArgoAppRef, type: ArgoRefreshType): Promise<void> {
    await this.post(
      `/argocd/${path(app.instance, app.namespace, app.name)}/refresh`,
      { type },
    );
  }

  async syncArgoApp(
    app: ArgoAppRef,
    request?: Partial<ArgoSyncRequest>,
  ): Promise<void> {
    await this.post(
      `/argocd/${path(app.instance, app.namespace, app.name)}/sync`,
      request ?? {},
    );
  }

  private async getJson<T>(pathAndQuery: string): Promise<T> {
    const res = await this.fetch(pathAndQuery);
    return (await res.json()) as T;
  }

  private async post(pathAndQuery: string, body: unknown): Promise<void> {
    await this.fetch(pathAndQuery, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  }

  private async fetch(pathAndQuery: string, init?: RequestInit) {
    const baseUrl = await this.discoveryApi.getBaseUrl('skip-fleet');
    const res = await this.fetchApi.fetch(`${baseUrl}${pathAndQuery}`, init);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }
}

function path(...segments: string[]): string {
  return segments.map(encodeURIComponent).join('/');
}

function logUrl(
  ref: PodLogRef,
  tailLines: number | undefined,
  follow: boolean,
): string {
  const params = new URLSearchParams({
    tailLines: String(tailLines ?? DEFAULT_TAIL_LINES),
  });
  if (ref.container) params.set('container', ref.container);
  if (follow) params.set('follow', 'true');
  return `/pods/${path(ref.cluster, ref.namespace, ref.pod)}/log?${params}`;
}
