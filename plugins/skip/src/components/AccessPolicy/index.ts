export { AccessPolicyPanel } from './AccessPolicyPanel';
export type { AccessPolicyPanelProps } from './AccessPolicyPanel';
