import { FleetSim } from './FleetSim';
import type { WatchHistoryOptions } from './store/ObjectStore';
import { writeBackstageConfig } from './kubeconfig/writeBackstageConfig';
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
 * controllers, and writes the portal's app-config to `dir/app-config.sim.yaml`.
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
    await writeBackstageConfig(sim, scenario.clusters, scenario.argocd, sim.appConfigPath);
  } catch (error) {
    await sim.stop();
    throw error;
  }
  return sim;
}
