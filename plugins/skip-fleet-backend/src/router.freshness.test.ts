import type { ListClustersResponse } from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

describe('what the fleet reports when clusters fail or change', () => {
  const { backend, fleet } = useFleetTestBackend();
  const apps = () => backend().matrikkelApps();
  const clusters = () =>
    backend()
      .get('/clusters')
      .then(res => res.body as ListClustersResponse);
  const setDown = (cluster: string, down: boolean) =>
    backend().sim.setFaults(cluster, { down });

  afterEach(() => setDown('atkv3-test', false));

  it('keeps answering when a cluster goes down mid-watch, marking only its rows, and resumes when it returns', async () => {
    await setDown('atkv3-test', true);
    const down = await eventually(
      clusters,
      c =>
        c.items.find(i => i.metadata.name === 'atkv3-test')?.freshness
          .reachability === 'unreachable',
      'atkv3-test to be unreachable',
    );
    const row = down.items.find(i => i.metadata.name === 'atkv3-test')!;
    expect(row.freshness.errorCategory).toBe('unreachable');
    // What users see names the category, never the cluster's address.
    expect(row.freshness.error).toBe('cannot be reached');
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|ECONN/);
    expect(row.freshness.lastSeenAt).toBeDefined();
    expect(
      down.items.filter(i => i.freshness.reachability === 'reachable'),
    ).toHaveLength(8);

    const during = await apps();
    expect(during.items).toHaveLength(3);
    expect(
      during.clusters.find(c => c.cluster === 'atkv3-test')?.reachability,
    ).toBe('unreachable');

    // A change made while the portal could not see it arrives once the watch resumes.
    fleet.update(
      {
        cluster: 'atkv3-test',
        apiVersion: 'skiperator.kartverket.no/v1alpha1',
        kind: 'Application',
        namespace: 'matrikkel-api-main',
        name: 'matrikkel-api',
      },
      app => ({
        ...app,
        spec: {
          ...(app.spec as object),
          image: 'ghcr.io/kartverket/matrikkel-api:v2.4.0',
        },
      }),
    );
    await setDown('atkv3-test', false);
    const resumed = await eventually(
      apps,
      a =>
        a.items.find(i => i.cluster === 'atkv3-test')?.tag === 'v2.4.0' &&
        a.clusters.find(c => c.cluster === 'atkv3-test')?.reachability ===
          'reachable',
      'the watch on atkv3-test to resume with the new image',
    );
    expect(resumed.items).toHaveLength(3);
  });

  it('shows an upgrade the admin cluster reports as running, with its target version', async () => {
    const before = fleet.update(
      {
        cluster: 'atkv3-admin-nonprod',
        apiVersion: 'onprem.cluster.gke.io/v1alpha1',
        kind: 'OnPremUserCluster',
        namespace: 'kube-system',
        name: 'atkv3-dev',
      },
      onprem => ({
        ...onprem,
        spec: {
          ...(onprem.spec as object),
          gkeOnPremVersion: '1.31.200-gke.59',
        },
        status: { ...(onprem.status as object), state: 'UPGRADING' },
      }),
    );
    const answer = await eventually(
      clusters,
      c =>
        c.items.find(i => i.metadata.name === 'atkv3-dev')
          ?.upgradeInProgress !== undefined,
      'atkv3-dev to show its upgrade',
    );
    const row = answer.items.find(i => i.metadata.name === 'atkv3-dev')!;
    expect(row.upgradeInProgress?.targetVersion).toBe('1.31.200-gke.59');
    expect(row.versions.platform).toBe(
      (before.status as { version: string }).version,
    );
    expect(
      answer.items.find(i => i.metadata.name === 'atkv3-test')
        ?.upgradeInProgress,
    ).toBeUndefined();
  });
});
