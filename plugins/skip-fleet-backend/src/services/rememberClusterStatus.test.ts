import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import {
  GKE_DEV,
  oneGkeCluster,
  SimulatedCache,
  startSimulatedCache,
} from '../__testUtils__/startSimulatedCache';
import { DatabaseClusterStatusStore } from '../database/DatabaseClusterStatusStore';
import { rememberClusterStatus } from './rememberClusterStatus';

jest.setTimeout(60_000);

describe('rememberClusterStatus against the simulated fleet', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let fleet: SimulatedCache;

  beforeAll(async () => {
    fleet = await startSimulatedCache(oneGkeCluster({ nodes: 2 }));
  });

  afterAll(() => fleet?.stop());

  it('runs once across replicas, and after a restart an unreachable cluster still shows what it last reported', async () => {
    const database = mockServices.database({
      knex: await databases.init('SQLITE_3'),
      migrations: { skip: false },
    });
    const store = await DatabaseClusterStatusStore.create({ database });
    const scheduler = mockServices.scheduler();
    const before = fleet.startCache({ remembered: [], probeTimeoutMs: 1_000 });
    await eventually(
      () => before.clusters()[0],
      row => row.versions.kubernetes !== undefined && row.nodes?.total === 2,
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
        cluster: GKE_DEV.name,
        kubernetesVersion: GKE_DEV.kubernetesVersion,
        platformVersion: GKE_DEV.platformVersion,
        nodesReady: 2,
        nodesTotal: 2,
        lastSeenAt: expect.any(Date),
      },
    ]);
    await before.stop();
    await fleet.sim.setFaults(GKE_DEV.name, { down: true });

    const after = fleet.startCache({ remembered, probeTimeoutMs: 1_000 });
    const row = await eventually(
      () => after.clusters()[0],
      r => r.freshness.reachability === 'unreachable',
      'the restarted cache to find the cluster down',
    );
    expect(row.versions).toEqual({
      kubernetes: GKE_DEV.kubernetesVersion,
      platform: GKE_DEV.platformVersion,
    });
    expect(row.nodes).toEqual({ ready: 2, total: 2 });
    expect(row.freshness.lastSeenAt).toBe(
      remembered[0].lastSeenAt?.toISOString(),
    );
  });
});
