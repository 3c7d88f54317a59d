export { ArgoCdApiClient } from './ArgoCdApiClient';
export { DefaultArgoDiff } from './DefaultArgoDiff';
export type { ArgoDiff } from './types';
