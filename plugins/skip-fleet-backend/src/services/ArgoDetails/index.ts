export { DefaultArgoDetails } from './DefaultArgoDetails';
export type { ArgoDetails } from './types';
