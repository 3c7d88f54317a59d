import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  argoAppRefSchema,
  argoRefreshRequestSchema,
  argoSyncRequestSchema,
} from '@internal/plugin-skip-common';
import type { ArgoActions } from '../services/ArgoActions/types';
import { callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';
import { parseInput } from './inputErrors';

/** Argo CD actions; who may act on which namespace is the service's decision. */
export function addArgoRoutes(
  router: FleetApiRouter,
  options: { httpAuth: HttpAuthService; argo: ArgoActions },
) {
  const { argo } = options;
  // Only people act (requireSignedInUser refused services already); the request names them in the audit log.
  const { personOf } = callers(options.httpAuth);

  router.post(
    '/argocd/:instance/:namespace/:name/refresh',
    async (req, res) => {
      const caller = await personOf(req);
      const ref = parseInput(argoAppRefSchema, req.params, 'path');
      const body = parseInput(argoRefreshRequestSchema, req.body ?? {}, 'body');
      await argo.refresh(ref, body, caller);
      res.status(202).json({ accepted: true });
    },
  );

  router.post('/argocd/:instance/:namespace/:name/sync', async (req, res) => {
    const caller = await personOf(req);
    const ref = parseInput(argoAppRefSchema, req.params, 'path');
    const body = parseInput(argoSyncRequestSchema, req.body ?? {}, 'body');
    await argo.sync(ref, body, caller);
    res.status(202).json({ accepted: true });
  });
}
