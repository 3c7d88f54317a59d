import type { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterStatusStore } from '../database/ClusterStatusStore';
import { FleetCache } from './FleetCache';

const WRITE_EVERY_MS = 15_000;

/**
 * Persists what each reachable cluster reports, at most every few seconds per cluster,
 * so that after a restart an unreachable cluster still shows its versions and age.
 */
export function rememberClusterStatus(options: {
  cache: FleetCache;
  store: ClusterStatusStore;
  logger: LoggerService;
}): () => void {
  const { cache, store, logger } = options;
  const lastWrite = new Map<string, number>();
  const timer = setInterval(() => {
    const now = Date.now();
    for (const status of cache.clusters()) {
      const name = status.metadata.name;
      if (status.freshness.reachability !== 'reachable') continue;
      if (now - (lastWrite.get(name) ?? 0) < WRITE_EVERY_MS) continue;
      lastWrite.set(name, now);
      store
        .save({
          cluster: name,
          kubernetesVersion: status.versions.kubernetes,
          platformVersion: status.versions.platform,
          nodesReady: status.nodes?.ready,
          nodesTotal: status.nodes?.total,
          lastSeenAt: status.freshness.lastSeenAt
            ? new Date(status.freshness.lastSeenAt)
            : undefined,
        })
        .catch(error =>
          logger.warn(`Could not remember status of ${name}: ${error}`),
        );
    }
  }, 5_000);
  timer.unref();
  return () => clearInterval(timer);
}
