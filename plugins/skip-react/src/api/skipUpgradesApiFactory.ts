import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SkipUpgradesClient } from '@internal/plugin-skip-common';
import { skipUpgradesApiRef } from './SkipUpgradesApi';

/** Provides {@link skipUpgradesApiRef} with the typed client from the common package. */
export const skipUpgradesApiFactory = createApiFactory({
  api: skipUpgradesApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new SkipUpgradesClient({ discoveryApi, fetchApi }),
});
