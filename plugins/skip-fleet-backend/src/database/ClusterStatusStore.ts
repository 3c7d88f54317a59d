import type { RememberedCluster } from '../services/FleetCache';

/** Keeps what each cluster last reported across restarts of the portal. */
export interface ClusterStatusStore {
  list(): Promise<RememberedCluster[]>;
  /** Writes the latest report of a cluster; keeps the newest `lastSeenAt`. */
  save(status: RememberedCluster): Promise<void>;
}
