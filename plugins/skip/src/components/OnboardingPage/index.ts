export { OnboardingPage } from './OnboardingPage';
export type { OnboardingPageProps } from './OnboardingPage';
