import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConfiguredCluster,
  KubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { ChangeListener, ClusterWatch } from './ClusterWatch';
import { GatewayPlanner } from './GatewayPlanner';
import { kindsToRead } from './kindsToRead';
import { describeGatewayPlan, GatewayPlan } from './planGatewayAccess';

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

/**
 * The lifecycle of the watches: one {@link ClusterWatch} per configured cluster, watching,
 * or polling where its Connect gateway's plan says so ({@link GatewayPlanner}).
 */
export class ClusterWatches {
  private readonly watches = new Map<string, ClusterWatch>();
  private readonly planners = new Map<string, GatewayPlanner>();

  constructor(private readonly options: ClusterWatchesOptions) {}

  /** Each Connect gateway's current plan: how its clusters are read, at what cost. */
  gatewayPlans(): GatewayPlan[] {
    return [...this.planners.values()].map(p => p.plan);
  }

  start(): void {
    const { config, clients, logger, probeTimeoutMs } = this.options;
    this.planGateways();
    for (const cluster of config.clusters) {
      const name = cluster.metadata.name;
      const planner = cluster.connectGateway
        ? this.planners.get(cluster.connectGateway)
        : undefined;
      const plan = planner?.plan;
      const polled = plan?.mode === 'poll' ? plan : undefined;
      const watch = new ClusterWatch({
        cluster: name,
        kubeConfig: clients.kubeConfig(name),
        logger: logger.child({ cluster: name }),
        ...this.readsOf(cluster),
        probeTimeoutMs,
        pollIntervalMs: polled && polled.intervalSeconds * 1000,
        // The gateway's clusters take turns through the first interval, so the first
        // round's requests spread over it as every later round's do.
        firstRoundDelayMs:
          polled &&
          Math.round(
            (polled.clusters.indexOf(name) * polled.intervalSeconds * 1000) /
              polled.clusters.length,
          ),
        onListed:
          polled &&
          ((kind, pages) => {
            const next = planner?.observe(name, kind, pages);
            if (next) this.applyPlan(next);
          }),
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

  /**
   * Probes every watched cluster at once; each probe has its own deadline and never throws.
   * Polled clusters probe once a round themselves, as their gateway's plan counts.
   */
  async probe(signal?: AbortSignal): Promise<void> {
    await Promise.all(
      [...this.watches.values()]
        .filter(w => !w.polling)
        .map(w => w.probe(signal)),
    );
  }

  private readsOf(cluster: ConfiguredCluster) {
    const name = cluster.metadata.name;
    return {
      watchArgoApps: this.options.config.argoInstances.some(
        i => i.cluster === name,
      ),
      isAdminCluster: cluster.metadata.role === 'admin',
    };
  }

  private planGateways() {
    const { config, logger } = this.options;
    for (const gateway of config.connectGateways) {
      const behind = config.clusters.filter(
        c => c.connectGateway === gateway.name,
      );
      const planner = new GatewayPlanner(
        gateway,
        behind.map(c => ({
          cluster: c.metadata.name,
          kinds: kindsToRead(this.readsOf(c)).map(k => k.kind),
        })),
      );
      this.planners.set(gateway.name, planner);
      logger.info(describeGatewayPlan(planner.plan), {
        gateway: gateway.name,
        mode: planner.plan.mode,
      });
    }
  }

  /** A polled gateway's lists cost other than planned: its clusters take the new interval. */
  private applyPlan(plan: GatewayPlan) {
    if (plan.mode !== 'poll') return;
    this.options.logger.info(`Re-planned: ${describeGatewayPlan(plan)}`, {
      gateway: plan.gateway,
      mode: plan.mode,
    });
    for (const cluster of plan.clusters) {
      this.watches.get(cluster)?.setPollInterval(plan.intervalSeconds * 1000);
    }
  }

  get(cluster: string): ClusterWatch | undefined {
    return this.watches.get(cluster);
  }

  entries(): IterableIterator<[string, ClusterWatch]> {
    return this.watches.entries();
  }
}
