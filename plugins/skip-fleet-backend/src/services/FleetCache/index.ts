export { FleetCache } from './FleetCache';
export type { RememberedCluster } from './FleetCache';
