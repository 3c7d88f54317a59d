export { auditClusterChange } from './auditClusterChange';
export type { Caller, ClusterChangeTarget } from './auditClusterChange';
export { audited } from './audited';
