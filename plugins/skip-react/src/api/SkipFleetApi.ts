import { createApiRef } from '@backstage/core-plugin-api';
import type { SkipFleetApi } from '@internal/plugin-skip-common';

/** Reference to the fleet client (`SkipFleetApi` of the common package): every SKIP page reads the fleet through it. */
export const skipFleetApiRef = createApiRef<SkipFleetApi>({
  id: 'plugin.skip.fleet',
});
