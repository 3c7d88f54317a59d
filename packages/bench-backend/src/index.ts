import { createBackend } from '@backstage/backend-defaults';
// The product backend's own list and start-up, read from its sources: the backend package is an
// application, not a library, and exporting them from it would invite other packages to load it.
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { backendFeatures } from 'backend/src/features';
// eslint-disable-next-line @backstage/no-forbidden-package-imports
import { errorAnswersWithoutStacks } from 'backend/src/errorAnswersWithoutStacks';
import { benchProbePlugin } from './benchProbePlugin';

// The portal's backend exactly as it runs, so our figures are the product's.
errorAnswersWithoutStacks();
const backend = createBackend();
for (const load of Object.values(backendFeatures)) backend.add(load());

// What a Backstage user would otherwise install, reading the same `kubernetes` config (the
// simulator writes the clusters in its format). Only here, never in packages/backend.
backend.add(import('@backstage/plugin-kubernetes-backend'));
backend.add(benchProbePlugin);

backend.start().catch(error => {
  process.stderr.write(`Backend start-up failed: ${error?.message ?? error}\n`);
  process.exit(1);
});
