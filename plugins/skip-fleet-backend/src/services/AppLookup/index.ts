export { DefaultAppLookup } from './DefaultAppLookup';
export { EntityLookup } from './EntityLookup';
export type { AppLookup } from './types';
