import { createApiRef } from '@backstage/core-plugin-api';
import type { SkipUpgradesApi } from '@internal/plugin-skip-common';

/** Reference to the upgrades client (`SkipUpgradesApi` of the common package): versions, plans and runs. */
export const skipUpgradesApiRef = createApiRef<SkipUpgradesApi>({
  id: 'plugin.skip.upgrades',
});
