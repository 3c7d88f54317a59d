import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { ClusterPages } from '../services/ClusterPages/types';
import { callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';

/** The cluster page, served from the watch cache to every fleet reader. */
export function addClusterRoutes(
  router: FleetApiRouter,
  options: { httpAuth: HttpAuthService; clusterPages: ClusterPages },
) {
  const { clusterPages } = options;
  const { readerOf } = callers(options.httpAuth);

  router.get('/clusters/:cluster', async (req, res) => {
    const credentials = await readerOf(req);
    res.json(await clusterPages.details(req.params.cluster, credentials));
  });
}
