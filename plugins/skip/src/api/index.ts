export { skipFleetApiRef } from './SkipFleetApi';
export type { SkipFleetApi, ArgoAppRef, PodLogRef } from './SkipFleetApi';
export { SkipFleetClient } from './SkipFleetClient';
