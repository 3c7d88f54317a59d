import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { RunViews } from '../services/RunViews/RunViews';
import type { UpgradeRuns } from '../services/UpgradeRuns/UpgradeRuns';
import { personOf } from './people';
import type { UpgradesApiRouter } from './UpgradesApiRouter';

/** Step keys hold slashes; the path carries them URL-encoded. */
function stepKeyOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new InputError('Invalid path: stepKey: not a URL-encoded step key');
  }
}

/** Runs: list, read, output, and what people do to them. */
export function addRunRoutes(
  router: UpgradesApiRouter,
  options: { httpAuth: HttpAuthService; runs: UpgradeRuns; views: RunViews },
) {
  const { runs, views, httpAuth } = options;
  const person = personOf(httpAuth);
  const answer = async (req: Parameters<typeof person>[0], runId: string) =>
    views.get(await httpAuth.credentials(req), runId);

  router.get('/runs', async (req, res) => {
    const active =
      req.query.active === undefined ? undefined : req.query.active === 'true';
    res.json({ items: await views.list(active) });
  });

  router.post('/runs', async (req, res) => {
    const actor = await person(req);
    const id = await runs.start(actor, req.body);
    res.status(201).json(await answer(req, id));
  });

  router.get('/runs/:runId', async (req, res) => {
    res.json(await answer(req, req.params.runId));
  });

  router.get('/runs/:runId/steps/:stepKey/output', async (req, res) => {
    const after = req.query.after === undefined ? 0 : Number(req.query.after);
    res.json(
      await views.output(
        req.params.runId,
        stepKeyOf(req.params.stepKey),
        after,
      ),
    );
  });

  router.post('/runs/:runId/pause', async (req, res) => {
    await runs.pause(await person(req), req.params.runId);
    res.json(await answer(req, req.params.runId));
  });

  router.post('/runs/:runId/resume', async (req, res) => {
    await runs.resume(await person(req), req.params.runId);
    res.json(await answer(req, req.params.runId));
  });

  router.post('/runs/:runId/abort', async (req, res) => {
    await runs.abort(await person(req), req.params.runId, req.body?.reason);
    res.json(await answer(req, req.params.runId));
  });

  router.post('/runs/:runId/steps/:stepKey/approve', async (req, res) => {
    await runs.approve(
      await person(req),
      req.params.runId,
      stepKeyOf(req.params.stepKey),
      req.body?.reason,
    );
    res.json(await answer(req, req.params.runId));
  });

  router.post('/runs/:runId/steps/:stepKey/retry', async (req, res) => {
    await runs.retry(
      await person(req),
      req.params.runId,
      stepKeyOf(req.params.stepKey),
    );
    res.json(await answer(req, req.params.runId));
  });

  router.post('/runs/:runId/clusters/:cluster/skip', async (req, res) => {
    await runs.skipCluster(
      await person(req),
      req.params.runId,
      req.params.cluster,
      req.body.reason,
    );
    res.json(await answer(req, req.params.runId));
  });
}
