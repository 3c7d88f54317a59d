import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SkipFleetClient } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from './SkipFleetApi';

/**
 * Provides {@link skipFleetApiRef} with the typed client from the common package; one factory
 * for both frontend systems, so the legacy and the new plugin build the client the same way.
 */
export const skipFleetApiFactory = createApiFactory({
  api: skipFleetApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new SkipFleetClient({ discoveryApi, fetchApi }),
});
