import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  argoAppRefSchema,
  argoRefreshRequestSchema,
  argoRollbackRequestSchema,
  argoSyncRequestSchema,
} from '@internal/plugin-skip-common';
import type { ArgoActions } from '../services/ArgoActions/types';
import type { ArgoDetails } from '../services/ArgoDetails/types';
import type { ArgoDiff } from '../services/ArgoDiff/types';
import { abortedWhenClosed, callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';
import { parseInput } from '@internal/plugin-skip-node';

/** Argo CD details and actions; who may act on which namespace is the services' decision. */
export function addArgoRoutes(
  router: FleetApiRouter,
  options: {
    httpAuth: HttpAuthService;
    argo: ArgoActions;
    argoDetails: ArgoDetails;
    argoDiff: ArgoDiff;
  },
) {
  const { argo, argoDetails, argoDiff } = options;
  // Only people act (requireSignedInUser refused services already); the request names them in the audit log.
  const { personOf } = callers(options.httpAuth);

  router.get('/argocd/:instance/:namespace/:name', async (req, res) => {
    const caller = await personOf(req);
    const ref = parseInput(argoAppRefSchema, req.params, 'path');
    res.json(await argoDetails.get(ref, caller, abortedWhenClosed(res)));
  });

  router.get('/argocd/:instance/:namespace/:name/diff', async (req, res) => {
    const caller = await personOf(req);
    const ref = parseInput(argoAppRefSchema, req.params, 'path');
    res.json(await argoDiff.get(ref, caller, abortedWhenClosed(res)));
  });

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

  router.post(
    '/argocd/:instance/:namespace/:name/rollback',
    async (req, res) => {
      const caller = await personOf(req);
      const ref = parseInput(argoAppRefSchema, req.params, 'path');
      const body = parseInput(argoRollbackRequestSchema, req.body, 'body');
      await argo.rollback(ref, body, caller);
      res.status(202).json({ accepted: true });
    },
  );
}
