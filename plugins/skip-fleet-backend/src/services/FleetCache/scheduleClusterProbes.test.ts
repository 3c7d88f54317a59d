import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { FleetSim, scenarioSchema, startFleetSim } from '@internal/fleet-sim';
import {
  DefaultKubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { FleetCache } from './FleetCache';
import { scheduleClusterProbes } from './scheduleClusterProbes';

jest.setTimeout(60_000);

const CLUSTER = 'atgcp1-dev';

async function waitFor(ok: () => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

describe('scheduleClusterProbes against the simulated fleet', () => {
  let dir: string;
  let sim: FleetSim;
  let cache: FleetCache;
  const scheduler = mockServices.scheduler();
  const row = () => cache.clusters()[0];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-probes-'));
    sim = await startFleetSim({
      dir,
      scenario: scenarioSchema.parse({
        clusters: [
          {
            name: CLUSTER,
            role: 'user',
            environment: 'dev',
            site: 'atgcp1',
            platform: 'gke',
            controlPlane: 'gke-managed',
            kubernetesVersion: 'v1.31.6-gke.1020000',
            platformVersion: '1.31.6-gke.1020000',
            nodes: 1,
          },
        ],
      }),
    });
    const config = SkipConfig.fromConfig(
      new ConfigReader(YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'))),
    );
    cache = FleetCache.create({
      config,
      clients: DefaultKubernetesClientProvider.fromClusters(config.clusters),
      logger: mockServices.logger.mock(),
      probeTimeoutMs: 1_000,
    });
    await scheduleClusterProbes({ scheduler, cache });
    cache.start();
    await waitFor(
      () => row().versions.kubernetes === 'v1.31.6-gke.1020000',
      'the first probe',
    );
  });

  afterAll(async () => {
    await cache?.stop();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('probes on every replica (local scope), since each serves pages from its own cache', async () => {
    expect(await scheduler.getScheduledTasks()).toEqual([
      expect.objectContaining({
        id: 'skip-fleet-probe-clusters',
        scope: 'local',
      }),
    ]);
  });

  it('picks up an upgraded Kubernetes and GKE version when the task runs', async () => {
    sim.cluster(CLUSTER).setKubernetesVersion('v1.32.1-gke.1200000');
    await scheduler.triggerTask('skip-fleet-probe-clusters');
    expect(row().versions).toEqual({
      kubernetes: 'v1.32.1-gke.1200000',
      platform: '1.32.1-gke.1200000',
    });
  });

  it('marks a cluster that stopped answering unreachable when the task runs, and reachable again after', async () => {
    await sim.setFaults(CLUSTER, { down: true });
    await scheduler.triggerTask('skip-fleet-probe-clusters');
    expect(row().freshness).toMatchObject({
      reachability: 'unreachable',
      error: 'cannot be reached',
    });

    await sim.setFaults(CLUSTER, { down: false });
    await scheduler.triggerTask('skip-fleet-probe-clusters');
    expect(row().freshness.reachability).toBe('reachable');
  });
});
