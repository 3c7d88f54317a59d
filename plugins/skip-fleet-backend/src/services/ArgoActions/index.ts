export { DefaultArgoActions } from './DefaultArgoActions';
export type { ArgoActions } from './types';
