export { DefaultArgoActions } from './DefaultArgoActions';
export { ArgoAppAccess } from './ArgoAppAccess';
export type { ArgoTarget } from './ArgoAppAccess';
export type { ArgoActions } from './types';
