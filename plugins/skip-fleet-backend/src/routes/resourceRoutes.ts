import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  podLogQuerySchema,
  podRefSchema,
  resourceRefSchema,
} from '@internal/plugin-skip-common';
import type { PodLogs } from '../services/PodLogs/types';
import type { ResourceInspector } from '../services/ResourceInspector/types';
import type { FleetApiRouter } from './FleetApiRouter';

/** Any typed request of the generated router, as httpAuth takes it. */
type HttpRequest = Parameters<HttpAuthService['credentials']>[0];
import { parseInput } from './inputErrors';
import { streamToResponse } from './streamToResponse';

/** Live reads of one object or pod on one cluster: the drill-down and pod logs. */
export function addResourceRoutes(
  router: FleetApiRouter,
  options: {
    httpAuth: HttpAuthService;
    resources: ResourceInspector;
    podLogs: PodLogs;
  },
) {
  const { httpAuth, resources, podLogs } = options;
  const readerOf = (req: HttpRequest) =>
    httpAuth.credentials(req, { allow: ['user', 'service'] });

  router.get('/resources/:cluster/:namespace/:kind/:name', async (req, res) => {
    const credentials = await readerOf(req);
    const ref = parseInput(resourceRefSchema, req.params, 'path');
    res.json(await resources.resourceDetails(ref, credentials));
  });

  router.get('/pods/:cluster/:namespace/:name/log', async (req, res) => {
    const credentials = await readerOf(req);
    const ref = parseInput(podRefSchema, req.params, 'path');
    const query = parseInput(podLogQuerySchema, req.query, 'query');
    if (req.query.follow !== 'true') {
      const text = await podLogs.read(ref, query, credentials);
      res.type('text/plain; charset=utf-8').send(text);
      return;
    }
    // The browser going away is what ends a followed log.
    const aborter = new AbortController();
    res.on('close', () => aborter.abort());
    const log = await podLogs.follow(ref, query, credentials, aborter.signal);
    await streamToResponse(log, res);
  });
}
