import { startArgoCdApis } from './argocd/startArgoCdApis';
import { FleetSim } from './FleetSim';
import type { WatchHistoryOptions } from './store/ObjectStore';
import { writeBackstageConfig } from './kubeconfig/writeBackstageConfig';
import { writeWorkstationFiles } from './gkectl/writeWorkstationFiles';
import { attachWorld, loadScenario, Scenario } from './scenario';

/** startFleetSim options. */
export type StartFleetSimOptions = {
  /** 'demo', 'scale', a scenario YAML path, or a scenario object */
  scenario: 'demo' | 'scale' | string | Scenario;
  /** where kubeconfig.yaml, ca.pem and app-config.sim.yaml are written */
  dir: string;
  controlPort?: number;
  /** overrides the scenario's `apiServer.watchHistory` */
  watchHistory?: WatchHistoryOptions;
  /** overrides the scenario's `apiServer.watchLifetimeMs` */
  watchLifetimeMs?: number;
};

/**
 * The whole simulator: loads the scenario, starts its clusters, seeds them and starts the world's
 * controllers, serves each Argo CD instance's REST API (the routes the portal calls), and writes
 * the portal's app-config to `dir/app-config.sim.yaml`.
 */
export async function startFleetSim(opts: StartFleetSimOptions): Promise<FleetSim> {
  const scenario = typeof opts.scenario === 'string' ? await loadScenario(opts.scenario) : opts.scenario;
  const sim = await FleetSim.start({
    clusters: scenario.clusters.map(c => ({ name: c.name, kubernetesVersion: c.kubernetesVersion, token: c.token })),
    dir: opts.dir,
    controlPort: opts.controlPort,
    watchHistory: { ...scenario.apiServer?.watchHistory, ...opts.watchHistory },
    watchLifetimeMs: opts.watchLifetimeMs ?? scenario.apiServer?.watchLifetimeMs,
  });
  try {
    const stopWorld = await attachWorld(sim, scenario);
    sim.onStop(stopWorld);
    const apis = await startArgoCdApis(stopWorld.world);
    sim.onStop(() => Promise.all(apis.map(api => api.close())));
    const argocd = scenario.argocd.map(inst => {
      const api = apis.find(a => a.instance === inst.name);
      return { ...inst, api: api && { url: api.url, token: api.token } };
    });
    const upgrades = await writeWorkstationFiles({ scenario, dir: opts.dir, kubeconfigPath: sim.kubeconfigPath, controlUrl: sim.controlUrl });
    await writeBackstageConfig(sim, scenario.clusters, argocd, sim.appConfigPath, upgrades);
  } catch (error) {
    await sim.stop();
    throw error;
  }
  return sim;
}
