import type {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ClusterStatusStore } from '../database/ClusterStatusStore';
import { FleetCache } from './FleetCache';

/** How often what the clusters report is written by default, and how long a write may take. */
export const DEFAULT_REMEMBER_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { seconds: 15 },
    timeout: { seconds: 30 },
  };

/**
 * Persists what each reachable cluster reports, so that after a restart an unreachable
 * cluster still shows its versions and age. A scheduled task that runs on one replica at a
 * time (global scope): every replica sees the same clusters, one writer is enough, and
 * the store keeps the newest report should two overlap.
 */
export async function rememberClusterStatus(options: {
  cache: FleetCache;
  store: ClusterStatusStore;
  scheduler: SchedulerService;
  logger: LoggerService;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { cache, store, scheduler, logger } = options;
  await scheduler.scheduleTask({
    id: 'skip-fleet-remember-cluster-status',
    ...(options.schedule ?? DEFAULT_REMEMBER_SCHEDULE),
    fn: async () => {
      for (const status of cache.clusters()) {
        const name = status.metadata.name;
        if (status.freshness.reachability !== 'reachable') continue;
        try {
          await store.save({
            cluster: name,
            kubernetesVersion: status.versions.kubernetes,
            platformVersion: status.versions.platform,
            nodesReady: status.nodes?.ready,
            nodesTotal: status.nodes?.total,
            lastSeenAt: status.freshness.lastSeenAt
              ? new Date(status.freshness.lastSeenAt)
              : undefined,
          });
        } catch (error) {
          // One failed write must not keep the other clusters from being remembered.
          logger.warn(`Could not remember status of ${name}: ${error}`);
        }
      }
    },
  });
}
