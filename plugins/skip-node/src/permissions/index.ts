export { isTeamMemberRule, skipTeamResourceRef } from './teamMembershipRule';
export type { SkipTeamResource } from './teamMembershipRule';
export { registerSkipTeamResource } from './registerSkipTeamResource';
export {
  skipTeamConditions,
  createSkipTeamConditionalDecision,
} from './teamConditions';
export {
  clusterNamespaceResourceRef,
  clusterNamespaceRules,
  isSystemNamespaceRule,
  isTeamNamespaceRule,
} from './clusterNamespaceRules';
export type { ClusterNamespaceResource } from './clusterNamespaceRules';
export {
  skipNamespaceConditions,
  createSkipNamespaceConditionalDecision,
} from './clusterNamespaceConditions';
export { ResourcePermissionGate } from './ResourcePermissionGate';
export { requireBasicPermission } from './requireBasicPermission';
