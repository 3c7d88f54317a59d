export type { SkipFleetApi, PodLogOptions } from './SkipFleetApi';
export { SkipFleetClient } from './SkipFleetClient';
export type { SkipFleetClientOptions } from './SkipFleetClient';
export type { SkipUpgradesApi } from './SkipUpgradesApi';
export { SkipUpgradesClient } from './SkipUpgradesClient';
export type { SkipUpgradesClientOptions } from './SkipUpgradesClient';
export type { SkipAccessApi } from './SkipAccessApi';
export { SkipAccessClient } from './SkipAccessClient';
export type { SkipAccessClientOptions } from './SkipAccessClient';
