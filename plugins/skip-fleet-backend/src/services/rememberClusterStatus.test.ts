import { ConfigReader } from '@backstage/config';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { FleetSim, scenarioSchema, startFleetSim } from '@internal/fleet-sim';
import {
  DefaultKubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { DatabaseClusterStatusStore } from '../database/DatabaseClusterStatusStore';
import { FleetCache } from './FleetCache';
import { rememberClusterStatus } from './rememberClusterStatus';

jest.setTimeout(60_000);

const CLUSTER = 'atgcp1-dev';

async function waitFor(ok: () => boolean, what: string) {
  const deadline = Date.now() + 30_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

describe('rememberClusterStatus against the simulated fleet', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let dir: string;
  let sim: FleetSim;
  let config: SkipConfig;
  const caches: FleetCache[] = [];

  function startCache(
    remembered: Awaited<ReturnType<DatabaseClusterStatusStore['list']>>,
  ) {
    const cache = FleetCache.create({
      config,
      clients: DefaultKubernetesClientProvider.fromClusters(config.clusters),
      logger: mockServices.logger.mock(),
      remembered,
      probeTimeoutMs: 1_000,
    });
    caches.push(cache);
    cache.start();
    return cache;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-remember-'));
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
            nodes: 2,
          },
        ],
      }),
    });
    config = SkipConfig.fromConfig(
      new ConfigReader(YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'))),
    );
  });

  afterAll(async () => {
    await Promise.all(caches.map(c => c.stop()));
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs once across replicas, and after a restart an unreachable cluster still shows what it last reported', async () => {
    const database = mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    });
    const store = await DatabaseClusterStatusStore.create({ database });
    const scheduler = mockServices.scheduler();
    const before = startCache([]);
    await waitFor(
      () =>
        before.clusters()[0].versions.kubernetes !== undefined &&
        before.clusters()[0].nodes?.total === 2,
      'the cluster to be seen',
    );
    await rememberClusterStatus({
      cache: before,
      store,
      scheduler,
      logger: mockServices.logger.mock(),
    });
    expect(await scheduler.getScheduledTasks()).toEqual([
      expect.objectContaining({
        id: 'skip-fleet-remember-cluster-status',
        scope: 'global',
      }),
    ]);

    await scheduler.triggerTask('skip-fleet-remember-cluster-status');
    const remembered = await store.list();
    expect(remembered).toEqual([
      {
        cluster: CLUSTER,
        kubernetesVersion: 'v1.31.6-gke.1020000',
        platformVersion: '1.31.6-gke.1020000',
        nodesReady: 2,
        nodesTotal: 2,
        lastSeenAt: expect.any(Date),
      },
    ]);
    await before.stop();
    await sim.setFaults(CLUSTER, { down: true });

    const after = startCache(remembered);
    await waitFor(
      () => after.clusters()[0].freshness.reachability === 'unreachable',
      'the restarted cache to find the cluster down',
    );
    const row = after.clusters()[0];
    expect(row.versions).toEqual({
      kubernetes: 'v1.31.6-gke.1020000',
      platform: '1.31.6-gke.1020000',
    });
    expect(row.nodes).toEqual({ ready: 2, total: 2 });
    expect(row.freshness.lastSeenAt).toBe(
      remembered[0].lastSeenAt?.toISOString(),
    );
  });
});
