export { DefaultResourceTreeReader } from './DefaultResourceTreeReader';
export type { ResourceTreeReader } from './types';
