import {
  createApiFactory,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { SkipAccessClient } from '@internal/plugin-skip-common';
import { skipAccessApiRef } from './SkipAccessApi';

/** Provides {@link skipAccessApiRef} with the typed client from the common package. */
export const skipAccessApiFactory = createApiFactory({
  api: skipAccessApiRef,
  deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
  factory: ({ discoveryApi, fetchApi }) =>
    new SkipAccessClient({ discoveryApi, fetchApi }),
});
