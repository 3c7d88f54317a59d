export { skipOnboardingPlugin as default } from './plugin';
