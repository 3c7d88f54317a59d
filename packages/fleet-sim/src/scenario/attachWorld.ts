import { isTeamName } from '../controllers/AppsRepos';
import { World, WorldOptions } from '../controllers/World';
import { registerGkectlRoutes } from '../gkectl/registerGkectlRoutes';
import { GkectlService } from '../gkectl/GkectlService';
import { Scenario } from './scenarioSchema';
import { ControlHandler, WorldSim } from './WorldSim';

/** The stop function attachWorld returns, with the running world and gkectl state attached. */
export type DetachWorld = (() => void) & { world: World; gkectl: GkectlService };

/**
 * Seeds every cluster of `sim` from the scenario, starts the controllers and registers the
 * world's control routes (apps repos, gkectl). Returns the function that stops it all.
 */
export async function attachWorld(sim: WorldSim, scenario: Scenario, opts: WorldOptions = {}): Promise<DetachWorld> {
  const world = World.create(sim, scenario, opts);
  const gkectl = new GkectlService(world, sim);
  const route = (method: string, path: string, handler: ControlHandler) => sim.control?.route(method, path, handler);
  registerGkectlRoutes(route, gkectl);
  route('GET', '/world', async () => ({
    body: {
      scenario: scenario.name,
      clusters: [...world.clusters.values()],
      teams: scenario.teams,
      argocd: scenario.argocd,
      repos: [...world.repos.values()].map(r => ({ team: r.team, url: r.url, head: r.head() })),
    },
  }));
  route('PUT', '/apps-repos/:team/directories', async req => {
    const body = req.body as { cluster?: string; namespace?: string; manifests?: unknown; config?: Record<string, boolean> };
    if (!body?.cluster || !body.namespace || !Array.isArray(body.manifests)) {
      return { status: 400, body: { message: 'cluster, namespace and manifests[] are required' } };
    }
    // Every team has an apps repo (made from the skip-apps template); a new team's is created here.
    if (!isTeamName(req.params.team)) return { status: 404, body: { message: `no apps repo for team ${req.params.team}` } };
    return { body: world.addAppsRepoDirectory(req.params.team, body.cluster, body.namespace, body.manifests as never, body.config) };
  });
  route('DELETE', '/apps-repos/:team/directories/:cluster/:namespace', async req => {
    if (!isTeamName(req.params.team)) return { status: 404, body: { message: `no apps repo for team ${req.params.team}` } };
    return { body: { removed: world.removeAppsRepoDirectory(req.params.team, req.params.cluster, req.params.namespace) } };
  });
  const stop = () => world.stop();
  return Object.assign(stop, { world, gkectl });
}
