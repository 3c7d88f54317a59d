import { mockServices } from '@backstage/backend-test-utils';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import {
  GKE_DEV,
  oneGkeCluster,
  SimulatedCache,
  startSimulatedCache,
} from '../../__testUtils__/startSimulatedCache';
import { FleetCache } from './FleetCache';
import { scheduleClusterProbes } from './scheduleClusterProbes';

jest.setTimeout(60_000);

describe('scheduleClusterProbes against the simulated fleet', () => {
  let fleet: SimulatedCache;
  let cache: FleetCache;
  const scheduler = mockServices.scheduler();
  const row = () => cache.clusters()[0];

  beforeAll(async () => {
    fleet = await startSimulatedCache(oneGkeCluster());
    cache = fleet.startCache({ probeTimeoutMs: 1_000 });
    await scheduleClusterProbes({ scheduler, cache });
    await eventually(
      row,
      r => r.versions.kubernetes === GKE_DEV.kubernetesVersion,
      'the first probe',
    );
  });

  afterAll(() => fleet?.stop());

  it('probes on every replica (local scope), since each serves pages from its own cache', async () => {
    expect(await scheduler.getScheduledTasks()).toEqual([
      expect.objectContaining({
        id: 'skip-fleet-probe-clusters',
        scope: 'local',
      }),
    ]);
  });

  it('picks up an upgraded Kubernetes and GKE version when the task runs', async () => {
    fleet.sim.cluster(GKE_DEV.name).setKubernetesVersion('v1.32.1-gke.1200000');
    await scheduler.triggerTask('skip-fleet-probe-clusters');
    expect(row().versions).toEqual({
      kubernetes: 'v1.32.1-gke.1200000',
      platform: '1.32.1-gke.1200000',
    });
  });

  it('marks a cluster that stopped answering unreachable when the task runs, and reachable again after', async () => {
    await fleet.sim.setFaults(GKE_DEV.name, { down: true });
    await scheduler.triggerTask('skip-fleet-probe-clusters');
    expect(row().freshness).toMatchObject({
      reachability: 'unreachable',
      error: 'cannot be reached',
    });

    await fleet.sim.setFaults(GKE_DEV.name, { down: false });
    await scheduler.triggerTask('skip-fleet-probe-clusters');
    expect(row().freshness.reachability).toBe('reachable');
  });
});
