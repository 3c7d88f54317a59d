export type { SkipFleetApi, PodLogOptions } from './SkipFleetApi';
export { SkipFleetClient } from './SkipFleetClient';
export type { SkipFleetClientOptions } from './SkipFleetClient';
export type { SkipUpgradesApi } from './SkipUpgradesApi';
export { SkipUpgradesClient } from './SkipUpgradesClient';
export type { SkipUpgradesClientOptions } from './SkipUpgradesClient';
