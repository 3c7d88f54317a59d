export { DefaultClusterPages } from './DefaultClusterPages';
export { ComponentClaims } from './ComponentClaims';
export type { ClusterPages } from './types';
