import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  argoAppRefSchema,
  argoRefreshRequestSchema,
  argoSyncRequestSchema,
} from '@internal/plugin-skip-common';
import type { ArgoActions } from '../services/ArgoActions/types';
import type { FleetApiRouter } from './FleetApiRouter';

/** Any typed request of the generated router, as httpAuth takes it. */
type HttpRequest = Parameters<HttpAuthService['credentials']>[0];
import { parseInput } from './inputErrors';

/** Argo CD actions; who may act on which namespace is the service's decision. */
export function addArgoRoutes(
  router: FleetApiRouter,
  options: { httpAuth: HttpAuthService; argo: ArgoActions },
) {
  const { httpAuth, argo } = options;
  // Only people act (requireSignedInUser refused services already); the request names them in the audit log.
  const callerOf = async (req: HttpRequest) => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });

  router.post(
    '/argocd/:instance/:namespace/:name/refresh',
    async (req, res) => {
      const caller = await callerOf(req);
      const ref = parseInput(argoAppRefSchema, req.params, 'path');
      const body = parseInput(argoRefreshRequestSchema, req.body ?? {}, 'body');
      await argo.refresh(ref, body, caller);
      res.status(202).json({ accepted: true });
    },
  );

  router.post('/argocd/:instance/:namespace/:name/sync', async (req, res) => {
    const caller = await callerOf(req);
    const ref = parseInput(argoAppRefSchema, req.params, 'path');
    const body = parseInput(argoSyncRequestSchema, req.body ?? {}, 'body');
    await argo.sync(ref, body, caller);
    res.status(202).json({ accepted: true });
  });
}
