import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { AccessApplier } from '../services/AccessApplier/AccessApplier';
import type { AccessPlanner } from '../services/AccessPlanner/AccessPlanner';
import type { DriftChecker } from '../services/DriftChecker/DriftChecker';
import type { AccessApiRouter } from './AccessApiRouter';
import { personOf } from './people';

/** Plans, applies, drift and export. */
export function addPlanRoutes(
  router: AccessApiRouter,
  options: {
    httpAuth: HttpAuthService;
    planner: AccessPlanner;
    applier: AccessApplier;
    drift: DriftChecker;
  },
) {
  const { planner, applier, drift } = options;
  const person = personOf(options.httpAuth);

  router.get('/plan', async (req, res) => {
    const { plan } = await planner.plan(asList(req.query.cluster));
    res.json(plan);
  });

  router.post('/apply', async (req, res) => {
    res.json(
      await applier.apply(
        req.body.planDigest,
        req.body.clusters,
        await person(req),
      ),
    );
  });

  router.get('/drift', async (_req, res) => {
    res.json(await drift.report());
  });

  router.post('/drift/check', async (req, res) => {
    res.json(await drift.check(await person(req)));
  });

  router.post('/drift/repair', async (req, res) => {
    res.json(await applier.repair(req.body.cluster, await person(req)));
  });

  router.get('/export/:cluster', async (req, res) => {
    res.json(await planner.export(req.params.cluster));
  });
}

/** A repeated query parameter arrives as a list, a single one as a string. */
function asList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}
