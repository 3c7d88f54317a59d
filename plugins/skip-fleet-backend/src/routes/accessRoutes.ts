import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { skiperatorAppRefSchema } from '@internal/plugin-skip-common';
import type { AccessPolicyLookup } from '../services/AccessPolicy/types';
import { callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';
import { parseInput } from '@internal/plugin-skip-node';

/** "Who may call this app and whom it calls": an app's accessPolicy, resolved from the watch cache. */
export function addAccessRoutes(
  router: FleetApiRouter,
  options: { httpAuth: HttpAuthService; accessPolicies: AccessPolicyLookup },
) {
  const { accessPolicies } = options;
  const { readerOf } = callers(options.httpAuth);

  router.get(
    '/apps/:cluster/:namespace/:name/access-policy',
    async (req, res) => {
      const credentials = await readerOf(req);
      const ref = parseInput(skiperatorAppRefSchema, req.params, 'path');
      res.json(await accessPolicies.accessPolicy(ref, credentials));
    },
  );
}
