import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SkipOnboardingClient } from '@internal/plugin-skip-common';
import { skipOnboardingApiRef } from './SkipOnboardingApi';

/** Provides {@link skipOnboardingApiRef} with the typed client from the common package. */
export const skipOnboardingApiFactory = createApiFactory({
  api: skipOnboardingApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new SkipOnboardingClient({ discoveryApi, fetchApi }),
});
