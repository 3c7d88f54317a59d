import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { PlanBuilder } from '../services/PlanBuilder/PlanBuilder';
import type { RunViews } from '../services/RunViews/RunViews';
import type { UpgradeAccess } from '../services/UpgradeAccess/UpgradeAccess';
import { personOf } from './people';
import type { UpgradesApiRouter } from './UpgradesApiRouter';

/** The versions page and plan previews. */
export function addPlanRoutes(
  router: UpgradesApiRouter,
  options: {
    httpAuth: HttpAuthService;
    access: UpgradeAccess;
    plans: PlanBuilder;
    views: RunViews;
  },
) {
  const { access, plans, views } = options;
  const person = personOf(options.httpAuth);

  router.get('/versions', async (_req, res) => {
    res.json(await views.versions());
  });

  router.post('/plans', async (req, res) => {
    const { credentials } = await person(req);
    await access.require(credentials, 'operate');
    res.json(await plans.build(req.body));
  });
}
