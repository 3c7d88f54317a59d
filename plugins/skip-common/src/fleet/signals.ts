/** The signals channel on which the fleet backend says that something an open page shows has changed. */
export const SKIP_FLEET_SIGNAL_CHANNEL = 'skip-fleet:changes';

/**
 * What changed, batched: pages refetch when a cluster or an app they show is named.
 * Only changes a person would notice are sent (a status timestamp moving is not one).
 */
export type FleetChangeSignal = {
  /** Clusters whose row changed (reachability, version, nodes, upgrade). */
  clusters: string[];
  /** Apps whose summary changed, as `<cluster>/<namespace>/<name>`. */
  apps: string[];
};
