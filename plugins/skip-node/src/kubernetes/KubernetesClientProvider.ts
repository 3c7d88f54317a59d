import { NotFoundError } from '@backstage/errors';
import { KubeConfig } from '@kubernetes/client-node';
import { ConfiguredCluster } from '../config/SkipConfig';

/** Gives a client-node KubeConfig for each configured cluster; the one way product code reaches clusters. */
export interface KubernetesClientProvider {
  /** A KubeConfig whose current context is the named cluster; throws for an unknown cluster. */
  kubeConfig(cluster: string): KubeConfig;
}

/**
 * Builds KubeConfigs from the standard `kubernetes.clusterLocatorMethods` entries. The
 * portal watches with its own service identity, so only token-based providers apply.
 */
export class DefaultKubernetesClientProvider
  implements KubernetesClientProvider
{
  private readonly configs = new Map<string, KubeConfig>();

  private constructor(private readonly clusters: ConfiguredCluster[]) {}

  static fromClusters(
    clusters: ConfiguredCluster[],
  ): DefaultKubernetesClientProvider {
    return new DefaultKubernetesClientProvider(clusters);
  }

  kubeConfig(cluster: string): KubeConfig {
    const cached = this.configs.get(cluster);
    if (cached) return cached;
    const configured = this.clusters.find(c => c.metadata.name === cluster);
    if (!configured) {
      throw new NotFoundError(`No cluster '${cluster}' is configured`);
    }
    const { connection } = configured;
    const caData = connection.caData;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [
        {
          name: cluster,
          server: connection.url,
          caData,
          skipTLSVerify: connection.skipTLSVerify,
        },
      ],
      users: [
        { name: `${cluster}-portal`, token: connection.serviceAccountToken },
      ],
      contexts: [{ name: cluster, cluster, user: `${cluster}-portal` }],
      currentContext: cluster,
    });
    this.configs.set(cluster, kc);
    return kc;
  }
}
