export type { SkipFleetApi, PodLogOptions } from './SkipFleetApi';
export { SkipFleetClient } from './SkipFleetClient';
export type { SkipFleetClientOptions } from './SkipFleetClient';
