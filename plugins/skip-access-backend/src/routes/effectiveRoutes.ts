import type { EffectiveAccessService } from '../services/EffectiveAccess/EffectiveAccessService';
import type { AccessApiRouter } from './AccessApiRouter';

/** "What can this group or user do, where". */
export function addEffectiveRoutes(
  router: AccessApiRouter,
  options: { effective: EffectiveAccessService },
) {
  router.get('/effective', async (req, res) => {
    res.json(
      await options.effective.of({
        group: req.query.group,
        user: req.query.user,
      }),
    );
  });
}
