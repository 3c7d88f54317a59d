import {
  AppAccessPolicy,
  AppsResponse,
  ArgoAppDetails,
  ArgoAppDiff,
  ArgoAppRef,
  ArgoRollbackRequest,
  ArgoSyncRequest,
  ClusterDetails,
  ListClustersResponse,
  NamespacesResponse,
  PodLogOptions,
  PodRef,
  ResourceDetails,
  ResourceRef,
  ResourceTree,
  SkiperatorAppRef,
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
  /** Resource trees keyed `<cluster>/<namespace>/<name>`. */
  trees = new Map<string, ResourceTree>();
  /** Argo CD app details keyed `<instance>/<namespace>/<name>`. */
  argoDetails = new Map<string, ArgoAppDetails>();
  /** Argo CD live-versus-desired diffs keyed `<instance>/<namespace>/<name>`; without one, no API is configured. */
  argoDiffs = new Map<string, ArgoAppDiff>();
  /** Access policies keyed `<cluster>/<namespace>/<name>`. */
  accessPolicies = new Map<string, AppAccessPolicy>();
  logs = new Map<string, string>();
  followChunks: string[] = [];
  /** Every log read, as `<pod>/<container>[/previous]`. */
  readonly logReads: string[] = [];
  readonly actions: string[] = [];
  readonly appQueries: unknown[] = [];

  async listClusters() {
    return this.clusters;
  }

  /** Cluster pages by cluster name; an unknown one is refused as the backend would (404). */
  clusterDetails = new Map<string, ClusterDetails>();

  async getClusterDetails(cluster: string) {
    const details = this.clusterDetails.get(cluster);
    if (!details) throw new Error(`No cluster '${cluster}'`);
    return details;
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

  async getAppResourceTree(ref: SkiperatorAppRef) {
    const key = `${ref.cluster}/${ref.namespace}/${ref.name}`;
    const tree = this.trees.get(key);
    if (!tree) throw new Error(`no app ${key}`);
    return tree;
  }

  async getAppAccessPolicy(ref: SkiperatorAppRef) {
    const key = `${ref.cluster}/${ref.namespace}/${ref.name}`;
    const policy = this.accessPolicies.get(key);
    if (!policy) throw new Error(`No Skiperator app '${ref.name}'`);
    return policy;
  }

  /** Logs are keyed `<pod>/<container>`, a previous run's `<pod>/<container>/previous`. */
  async getPodLog(ref: PodRef, options?: PodLogOptions) {
    this.logReads.push(
      `${ref.name}/${options?.container}${
        options?.previous ? '/previous' : ''
      }`,
    );
    const key = `${ref.name}/${options?.container}`;
    return this.logs.get(options?.previous ? `${key}/previous` : key) ?? '';
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

  async getArgoAppDetails(app: ArgoAppRef) {
    const details = this.argoDetails.get(
      `${app.instance}/${app.namespace}/${app.name}`,
    );
    if (!details) throw new Error(`No Argo CD app '${app.name}'`);
    return details;
  }

  async getArgoAppDiff(app: ArgoAppRef): Promise<ArgoAppDiff> {
    return (
      this.argoDiffs.get(`${app.instance}/${app.namespace}/${app.name}`) ?? {
        ...app,
        available: false,
        reason: `No Argo CD API configured for instance ${app.instance}`,
        resources: [],
      }
    );
  }

  /** Records `sync <instance>/<name>`, then the options asked for, if any, as JSON. */
  async syncArgoApp(app: ArgoAppRef, request?: Partial<ArgoSyncRequest>) {
    const options =
      request && Object.keys(request).length
        ? ` ${JSON.stringify(request)}`
        : '';
    this.actions.push(`sync ${app.instance}/${app.name}${options}`);
  }

  async rollbackArgoApp(
    app: ArgoAppRef,
    request: Pick<ArgoRollbackRequest, 'id'> & Partial<ArgoRollbackRequest>,
  ) {
    this.actions.push(`rollback ${app.instance}/${app.name} to ${request.id}`);
  }
}
