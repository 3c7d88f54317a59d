export { DefaultResourceInspector } from './DefaultResourceInspector';
export type { ResourceInspector } from './types';
