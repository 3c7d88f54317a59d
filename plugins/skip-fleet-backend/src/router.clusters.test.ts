import type { ClusterDetails } from '@internal/plugin-skip-common';
import { skipFleetReadPermission } from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

describe('the cluster page, read from the watch cache of the simulated fleet', () => {
  const { backend } = useFleetTestBackend();
  const page = (cluster: string) => backend().get(`/clusters/${cluster}`);
  const details = (cluster: string) =>
    page(cluster).then(res => res.body as ClusterDetails);

  it("shows a user cluster's admin cluster, versions, nodes and apps, linked to the component that claims them", async () => {
    const dev = await eventually(
      () => details('atkv3-dev'),
      d =>
        d.nodes?.length === 4 &&
        d.apps?.some(a => a.name === 'matrikkel-api' && a.argo) &&
        // Versions come from the first /version probe, which a busy machine may not have run yet.
        d.cluster?.versions.kubernetes !== undefined,
      "atkv3-dev's nodes, versions and matrikkel-api joined with Argo CD",
    );
    expect(dev.cluster.metadata.adminCluster).toBe('atkv3-admin-nonprod');
    expect(dev.manages).toEqual([]);
    expect(dev.cluster.versions.kubernetes).toBe('v1.30.8-gke.1300');
    expect(dev.nodePools).toEqual([
      {
        name: 'pool-1',
        nodes: 4,
        ready: 4,
        kubeletVersions: ['v1.30.8-gke.1300'],
      },
    ]);
    expect(dev.nodes.every(n => n.ready && n.pool === 'pool-1')).toBe(true);
    const api = dev.apps.find(a => a.name === 'matrikkel-api')!;
    expect(api).toMatchObject({
      namespace: 'matrikkel-api-main',
      component: 'component:default/matrikkel-api',
      argo: { instance: 'argocd-nonprod' },
    });
    // Only apps of this cluster, each once.
    const all = await backend().matrikkelApps();
    expect(
      dev.apps.filter(a => a.name === 'matrikkel-api').map(a => a.namespace),
    ).toEqual(
      all.items.filter(i => i.cluster === 'atkv3-dev').map(i => i.namespace),
    );
  });

  it('shows an admin cluster with the clusters it manages', async () => {
    const admin = await details('atkv3-admin-nonprod');
    expect(admin.cluster.metadata.role).toBe('admin');
    expect(admin.manages).toEqual(['atkv3-dev', 'atkv3-sandbox', 'atkv3-test']);
    expect((await details('atkv3-admin-prod')).manages).toEqual(['atkv3-prod']);
  });

  it('answers 200 for a cluster that is down, with its last known nodes and why they are stale', async () => {
    await eventually(
      () => details('atkv3-test'),
      d => d.nodes?.length === 4,
      "atkv3-test's nodes",
    );
    await backend().sim.setFaults('atkv3-test', { down: true });
    try {
      const down = await eventually(
        () => page('atkv3-test'),
        res =>
          res.status !== 200 ||
          res.body.cluster.freshness.reachability === 'unreachable',
        'atkv3-test to be unreachable',
      );
      expect(down.status).toBe(200);
      const body = down.body as ClusterDetails;
      expect(body.cluster.freshness.error).toBe('cannot be reached');
      expect(body.nodes).toHaveLength(4);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONN/);
    } finally {
      await backend().sim.setFaults('atkv3-test', { down: false });
    }
  });

  it('answers 404 naming a cluster that is not configured', async () => {
    const res = await page('atkv3-nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe("No cluster 'atkv3-nowhere'");
  });

  it('refuses a caller who may not read the fleet', async () => {
    backend().denied.add(skipFleetReadPermission.name);
    try {
      expect((await page('atkv3-dev')).status).toBe(403);
    } finally {
      backend().denied.delete(skipFleetReadPermission.name);
    }
  });
});
