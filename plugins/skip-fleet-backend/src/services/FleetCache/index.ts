export { FleetCache } from './FleetCache';
export type { RememberedCluster } from './ClusterRows';
export type { FleetChange } from './FleetChange';
export type { AppRef } from './refs';
export { scheduleClusterProbes } from './scheduleClusterProbes';
export type { CachedNode } from './kubeTypes';
