import {
  Configuration,
  createConfiguration,
  KubeConfig,
  KubernetesObjectApi,
  ServerConfiguration,
  V1APIResourceList,
} from '@kubernetes/client-node';

/** The API-group answers of one cluster's discovery, by apiVersion. */
export type DiscoveryCache = Record<string, V1APIResourceList>;

/** client-node clients for one cluster whose every request carries one AbortSignal. */
export type ClusterClients = {
  /** A typed API (`CoreV1Api`, `AppsV1Api`, ...) whose requests carry the call's signal. */
  api<T>(ApiType: new (configuration: Configuration) => T): T;
  /** The generic object API (any kind by apiVersion and kind), carrying the call's signal. */
  objects: KubernetesObjectApi;
  /** The cluster's KubeConfig, for requests client-node has no method for (log streams). */
  kubeConfig: KubeConfig;
  /** Aborted at the deadline or when the caller gives up. */
  signal: AbortSignal;
};

/**
 * The object API with discovery answers shared across clients of one cluster. A client is
 * made per call so that it carries that call's signal (its per-call `options` do not reach
 * the request in client-node 2.x); sharing discovery saves a round trip on every call.
 */
class SharedDiscoveryObjectApi extends KubernetesObjectApi {
  constructor(configuration: Configuration, discovery: DiscoveryCache) {
    super(configuration);
    this.apiVersionResourceCache = discovery;
  }
}

/** Makes clients for the KubeConfig's current cluster whose requests are aborted by `signal`. */
export function makeClusterClients(
  kubeConfig: KubeConfig,
  signal: AbortSignal,
  discovery: DiscoveryCache,
): ClusterClients {
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) throw new Error('The KubeConfig has no current cluster');
  const configuration = createConfiguration({
    baseServer: new ServerConfiguration(cluster.server, {}),
    authMethods: { default: kubeConfig },
    promiseMiddleware: [
      {
        pre: async context => {
          context.setSignal(signal);
          return context;
        },
        post: async response => response,
      },
    ],
  });
  return {
    api: ApiType => new ApiType(configuration),
    objects: new SharedDiscoveryObjectApi(configuration, discovery),
    kubeConfig,
    signal,
  };
}
