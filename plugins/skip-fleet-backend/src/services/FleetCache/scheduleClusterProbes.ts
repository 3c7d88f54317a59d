import type {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { FleetCache } from './FleetCache';

/** How often each cluster's /version is asked by default, and how long a round may take. */
export const DEFAULT_PROBE_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { seconds: 10 },
  timeout: { seconds: 30 },
};

/**
 * Probes every cluster's /version on a schedule: the liveness probe that marks a quiet
 * cluster reachable or not, and where GKE's platform version comes from.
 */
export async function scheduleClusterProbes(options: {
  scheduler: SchedulerService;
  cache: FleetCache;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}): Promise<void> {
  const { scheduler, cache, schedule = DEFAULT_PROBE_SCHEDULE } = options;
  await scheduler.scheduleTask({
    id: 'skip-fleet-probe-clusters',
    ...schedule,
    // Local, not global: every replica serves pages from its own cache, so every replica
    // must probe for itself; a probe run once across replicas would leave the others'
    // reachability and versions stale.
    scope: 'local',
    fn: signal => cache.probeClusters(signal),
  });
}
