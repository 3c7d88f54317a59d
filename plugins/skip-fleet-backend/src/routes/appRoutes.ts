import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import type { AppLookup } from '../services/AppLookup/types';
import { callers } from './callers';
import type { FleetApiRouter } from './FleetApiRouter';

/** The spec checks each parameter; that exactly one of the two is given is checked here. */
function componentOrTeam(query: {
  entityRef?: string;
  team?: string;
}): { entityRef: string } | { team: string } {
  const { entityRef, team } = query;
  if (entityRef !== undefined && team !== undefined) {
    throw new InputError(
      'Invalid query: give entityRef or team, not both (entityRef, team)',
    );
  }
  if (entityRef !== undefined) return { entityRef };
  if (team !== undefined) return { team };
  throw new InputError('Invalid query: give entityRef or team');
}

/** Reads served from the watch cache: clusters, apps of a component or team, a team's namespaces. */
export function addAppRoutes(
  router: FleetApiRouter,
  options: { httpAuth: HttpAuthService; apps: AppLookup },
) {
  const { apps } = options;
  const { readerOf } = callers(options.httpAuth);

  router.get('/clusters', async (_req, res) => {
    res.json(apps.listClusters());
  });

  router.get('/apps', async (req, res) => {
    const credentials = await readerOf(req);
    const which = componentOrTeam(req.query);
    res.json(
      'entityRef' in which
        ? await apps.appsForEntity(which.entityRef, credentials)
        : await apps.appsForTeam(which.team, credentials),
    );
  });

  router.get('/namespaces', async (req, res) => {
    const credentials = await readerOf(req);
    res.json(await apps.namespacesForTeam(req.query.team, credentials));
  });
}
