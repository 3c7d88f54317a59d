import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

// auth: guest sign-in for local use; configure a real provider in production
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

// catalog, with one Resource entity per cluster from the SKIP config
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
backend.add(import('@internal/plugin-catalog-backend-module-skip-clusters'));

// permissions: the SKIP policy (an allow-list; see docs/security.md)
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@internal/plugin-permission-backend-module-skip-policy'));

// The stock Kubernetes backend is deliberately not loaded: its proxy forwards any request with
// the portal's own cluster credentials, past every SKIP permission check (docs/security.md).

backend.add(import('@backstage/plugin-user-settings-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// SKIP Portal
backend.add(import('@internal/plugin-skip-fleet-backend'));

// A wrong config value stops start-up with the message naming the key, and the process with it.
backend.start().catch(error => {
  process.stderr.write(`Backend start-up failed: ${error?.message ?? error}\n`);
  process.exit(1);
});
