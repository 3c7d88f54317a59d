export { skipFleetApiRef } from './SkipFleetApi';
export { skipFleetApiFactory } from './skipFleetApiFactory';
export { skipUpgradesApiRef } from './SkipUpgradesApi';
export { skipUpgradesApiFactory } from './skipUpgradesApiFactory';
export { skipAccessApiRef } from './SkipAccessApi';
export { skipAccessApiFactory } from './skipAccessApiFactory';
export { skipOnboardingApiRef } from './SkipOnboardingApi';
export { skipOnboardingApiFactory } from './skipOnboardingApiFactory';
