import { createApiRef } from '@backstage/core-plugin-api';
import type { SkipOnboardingApi } from '@internal/plugin-skip-common';

/** Reference to the onboarding client (`SkipOnboardingApi` of the common package): namespace prefixes, requests and decisions. */
export const skipOnboardingApiRef = createApiRef<SkipOnboardingApi>({
  id: 'plugin.skip.onboarding',
});
