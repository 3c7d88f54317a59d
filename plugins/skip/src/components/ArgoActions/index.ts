export { ArgoActions } from './ArgoActions';
export type { ArgoActionsProps } from './ArgoActions';
