import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { skiperatorAppRefSchema } from '@internal/plugin-skip-common';
import type { ResourceTreeReader } from '../services/ResourceTree/types';
import { abortedWhenClosed, callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';
import { parseInput } from '@internal/plugin-skip-node';

/** The resource tree of one Skiperator app, read live from its cluster. */
export function addTreeRoutes(
  router: FleetApiRouter,
  options: { httpAuth: HttpAuthService; trees: ResourceTreeReader },
) {
  const { trees } = options;
  const { readerOf } = callers(options.httpAuth);

  router.get('/apps/:cluster/:namespace/:name/tree', async (req, res) => {
    const credentials = await readerOf(req);
    const ref = parseInput(skiperatorAppRefSchema, req.params, 'path');
    res.json(await trees.appTree(ref, credentials, abortedWhenClosed(res)));
  });
}
