export { auditClusterChange } from './auditClusterChange';
export type { ClusterChangeTarget } from './auditClusterChange';
