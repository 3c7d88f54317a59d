export { ArgoDetailsPanel } from './ArgoDetailsPanel';
export type { ArgoDetailsPanelProps } from './ArgoDetailsPanel';
