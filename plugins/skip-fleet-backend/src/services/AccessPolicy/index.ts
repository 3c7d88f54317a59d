export { DefaultAccessPolicyLookup } from './DefaultAccessPolicyLookup';
export type { AccessPolicyLookup } from './types';
