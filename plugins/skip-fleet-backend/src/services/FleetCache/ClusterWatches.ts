import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  KubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { ChangeListener, ClusterWatch } from './ClusterWatch';

export type ClusterWatchesOptions = {
  config: SkipConfig;
  clients: KubernetesClientProvider;
  logger: LoggerService;
  /** How long one liveness probe (GET /version) may take. */
  probeTimeoutMs?: number;
  /** Every object change of every cluster, with the cluster it happened in. */
  onChange: (cluster: string, ...change: Parameters<ChangeListener>) => void;
  /** A cluster's reachability, error, Kubernetes version or unreadable kinds changed. */
  onStatusChange: (cluster: string) => void;
};

/** The lifecycle of the watches: one {@link ClusterWatch} per configured cluster. */
export class ClusterWatches {
  private readonly watches = new Map<string, ClusterWatch>();

  constructor(private readonly options: ClusterWatchesOptions) {}

  start(): void {
    const { config, clients, logger, probeTimeoutMs } = this.options;
    for (const cluster of config.clusters) {
      const name = cluster.metadata.name;
      const watch = new ClusterWatch({
        cluster: name,
        kubeConfig: clients.kubeConfig(name),
        logger: logger.child({ cluster: name }),
        watchArgoApps: config.argoInstances.some(i => i.cluster === name),
        isAdminCluster: cluster.metadata.role === 'admin',
        probeTimeoutMs,
        onChange: (kind, type, object, initial) =>
          this.options.onChange(name, kind, type, object, initial),
        onStatusChange: () => this.options.onStatusChange(name),
      });
      this.watches.set(name, watch);
      try {
        watch.start();
      } catch (error) {
        // One misconfigured cluster must not keep the others from being watched.
        watch.reachability = 'unreachable';
        watch.errorCategory = 'failed';
        logger.error(`Could not start watching cluster ${name}: ${error}`);
      }
    }
  }

  async stop(): Promise<void> {
    await Promise.all([...this.watches.values()].map(w => w.stop()));
  }

  /** Probes every cluster at once; each probe has its own deadline and never throws. */
  async probe(signal?: AbortSignal): Promise<void> {
    await Promise.all([...this.watches.values()].map(w => w.probe(signal)));
  }

  get(cluster: string): ClusterWatch | undefined {
    return this.watches.get(cluster);
  }

  entries(): IterableIterator<[string, ClusterWatch]> {
    return this.watches.entries();
  }
}
