import { createBackend } from '@backstage/backend-defaults';
import { errorAnswersWithoutStacks } from './errorAnswersWithoutStacks';
import { backendFeatures } from './features';

// Error answers carry no stack traces or internal messages, in development mode too.
errorAnswersWithoutStacks();

const backend = createBackend();
for (const load of Object.values(backendFeatures)) backend.add(load());

// A wrong config value stops start-up with the message naming the key, and the process with it.
backend.start().catch(error => {
  process.stderr.write(`Backend start-up failed: ${error?.message ?? error}\n`);
  process.exit(1);
});
