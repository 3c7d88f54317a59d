import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  podLogQuerySchema,
  podRefSchema,
  resourceRefSchema,
} from '@internal/plugin-skip-common';
import type { PodLogs } from '../services/PodLogs/types';
import type { ResourceInspector } from '../services/ResourceInspector/types';
import { abortedWhenClosed, callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';
import { parseInput } from '@internal/plugin-skip-node';
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
  const { resources, podLogs } = options;
  const { readerOf } = callers(options.httpAuth);

  router.get('/resources/:cluster/:namespace/:kind/:name', async (req, res) => {
    const credentials = await readerOf(req);
    const ref = parseInput(resourceRefSchema, req.params, 'path');
    res.json(
      await resources.resourceDetails(ref, credentials, abortedWhenClosed(res)),
    );
  });

  router.get('/pods/:cluster/:namespace/:name/log', async (req, res) => {
    const credentials = await readerOf(req);
    const ref = parseInput(podRefSchema, req.params, 'path');
    const query = parseInput(podLogQuerySchema, req.query, 'query');
    // The browser going away is what ends a followed log, and a read it no longer waits for.
    const signal = abortedWhenClosed(res);
    if (req.query.follow !== 'true') {
      const text = await podLogs.read(ref, query, credentials, signal);
      res.type('text/plain; charset=utf-8').send(text);
      return;
    }
    const log = await podLogs.follow(ref, query, credentials, signal);
    await streamToResponse(log, res);
  });
}
