import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import {
  Scenario,
  ScenarioInput,
  scenarioSchema,
  startFleetSim,
} from '@internal/fleet-sim';
import {
  DefaultKubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { FleetCache } from '../services/FleetCache';

/** The one cluster of {@link oneGkeCluster}: a GKE dev cluster and the versions it reports. */
export const GKE_DEV = {
  name: 'atgcp1-dev',
  kubernetesVersion: 'v1.31.6-gke.1020000',
  platformVersion: '1.31.6-gke.1020000',
} as const;

/**
 * A world of one GKE cluster, {@link GKE_DEV}, with `nodes` ready nodes (1 unless given);
 * the rest of `world` (Argo CD instances, teams, apps) is added as given.
 */
export function oneGkeCluster(
  options: { nodes?: number } & Omit<ScenarioInput, 'clusters'> = {},
): Scenario {
  const { nodes = 1, ...world } = options;
  return scenarioSchema.parse({
    ...world,
    clusters: [
      {
        ...GKE_DEV,
        role: 'user',
        environment: 'dev',
        site: 'atgcp1',
        platform: 'gke',
        controlPlane: 'gke-managed',
        nodes,
      },
    ],
  });
}

/** What a test may choose of a cache; the config, clients and logger come from the simulator. */
export type SimulatedCacheOptions = Omit<
  Parameters<typeof FleetCache.create>[0],
  'config' | 'clients' | 'logger'
>;

/**
 * Starts the fleet simulator on `scenario` and makes FleetCaches that watch it over real
 * HTTPS, configured as the plugin would be from the simulator's app-config. `stop` stops
 * every cache made here, then the simulator.
 */
export async function startSimulatedCache(scenario: Scenario) {
  const dir = await mkdtemp(join(tmpdir(), 'skip-fleet-cache-'));
  const sim = await startFleetSim({ scenario, dir }).catch(async error => {
    await rm(dir, { recursive: true, force: true });
    throw error;
  });
  const config = SkipConfig.fromConfig(
    new ConfigReader(YAML.parse(await readFile(sim.appConfigPath, 'utf8'))),
  );
  const caches: FleetCache[] = [];

  /** A cache not yet started: for what must listen before its first lists (ChangeSignals). */
  function createCache(options: SimulatedCacheOptions = {}): FleetCache {
    const cache = FleetCache.create({
      config,
      clients: DefaultKubernetesClientProvider.fromClusters(config.clusters),
      logger: mockServices.logger.mock(),
      ...options,
    });
    caches.push(cache);
    return cache;
  }

  return {
    sim,
    createCache,
    /** A cache that has started watching; what it has seen arrives asynchronously. */
    startCache(options: SimulatedCacheOptions = {}): FleetCache {
      const cache = createCache(options);
      cache.start();
      return cache;
    },
    async stop() {
      await Promise.all(caches.map(c => c.stop()));
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export type SimulatedCache = Awaited<ReturnType<typeof startSimulatedCache>>;
