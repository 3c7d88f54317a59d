export { ArgoActions } from './ArgoActions';
export type { ArgoActionsProps, ActionPermission } from './ArgoActions';
