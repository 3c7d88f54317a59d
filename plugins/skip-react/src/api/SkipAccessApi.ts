import { createApiRef } from '@backstage/core-plugin-api';
import type { SkipAccessApi } from '@internal/plugin-skip-common';

/** Reference to the access client (`SkipAccessApi` of the common package): rules, plans, drift and effective access. */
export const skipAccessApiRef = createApiRef<SkipAccessApi>({
  id: 'plugin.skip.access',
});
