import {
  AppsResponse,
  ArgoAppRef,
  ListClustersResponse,
  NamespacesResponse,
  PodLogOptions,
  PodRef,
  ResourceDetails,
  ResourceRef,
  SkipFleetApi,
} from '@internal/plugin-skip-common';

/** An in-memory {@link SkipFleetApi} for tests: answers from the data it was given and records actions. */
export class FakeSkipFleetApi implements SkipFleetApi {
  clusters: ListClustersResponse = {
    items: [],
    generatedAt: new Date().toISOString(),
  };
  apps: AppsResponse = {
    items: [],
    orphanArgoApps: [],
    clusters: [],
    generatedAt: new Date().toISOString(),
  };
  namespaces: NamespacesResponse = {
    items: [],
    clusters: [],
    generatedAt: new Date().toISOString(),
  };
  resources = new Map<string, ResourceDetails>();
  logs = new Map<string, string>();
  followChunks: string[] = [];
  readonly actions: string[] = [];
  readonly appQueries: unknown[] = [];

  async listClusters() {
    return this.clusters;
  }

  async getApps(query: { entityRef: string } | { team: string }) {
    this.appQueries.push(query);
    return this.apps;
  }

  async getNamespaces() {
    return this.namespaces;
  }

  async getResourceDetails(ref: ResourceRef) {
    const key = `${ref.cluster}/${ref.namespace}/${ref.kind}/${ref.name}`;
    const details = this.resources.get(key);
    if (!details) throw new Error(`no resource ${key}`);
    return details;
  }

  /** Logs are keyed `<pod>/<container>`. */
  async getPodLog(ref: PodRef, options?: PodLogOptions) {
    return this.logs.get(`${ref.name}/${options?.container}`) ?? '';
  }

  async *followPodLog(
    ref: PodRef,
    options: PodLogOptions & { signal: AbortSignal },
  ) {
    yield this.logs.get(`${ref.name}/${options.container}`) ?? '';
    for (const chunk of this.followChunks) {
      if (options.signal.aborted) return;
      yield chunk;
    }
  }

  async refreshArgoApp(app: ArgoAppRef, type: string) {
    this.actions.push(`refresh ${app.instance}/${app.name} ${type}`);
  }

  async syncArgoApp(app: ArgoAppRef) {
    this.actions.push(`sync ${app.instance}/${app.name}`);
  }
}
