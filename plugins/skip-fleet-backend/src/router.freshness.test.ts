import type {
  AppsResponse,
  ListClustersResponse,
} from '@internal/plugin-skip-common';
import request from 'supertest';
import { eventually } from './__testUtils__/eventually';
import { fleetRestorer } from './__testUtils__/restoreFleet';
import {
  FleetTestBackend,
  startFleetTestBackend,
  user,
} from './__testUtils__/startFleetTestBackend';

jest.setTimeout(90_000);

describe('what the fleet reports when clusters fail or change', () => {
  let backend: FleetTestBackend;
  const fleet = fleetRestorer(() => backend.sim);
  const apps = () =>
    request(backend.server)
      .get('/api/skip-fleet/apps')
      .query({ entityRef: 'component:default/matrikkel-api' })
      .set('Authorization', user)
      .then(res => res.body as AppsResponse);
  const clusters = () =>
    request(backend.server)
      .get('/api/skip-fleet/clusters')
      .set('Authorization', user)
      .then(res => res.body as ListClustersResponse);

  beforeAll(async () => {
    backend = await startFleetTestBackend();
    await backend.joinedApps();
  });
  afterEach(async () => {
    await backend.sim.setFaults('atkv3-test', { down: false });
    await fleet.restore();
  });
  afterAll(() => backend?.stop());

  it('keeps answering when a cluster goes down mid-watch, marking only its rows, and resumes when it returns', async () => {
    await backend.sim.setFaults('atkv3-test', { down: true });
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
    const id = {
      cluster: 'atkv3-test',
      apiVersion: 'skiperator.kartverket.no/v1alpha1',
      kind: 'Application',
      namespace: 'matrikkel-api-main',
      name: 'matrikkel-api',
    };
    fleet.remember(id);
    const store = backend.sim.cluster(id.cluster).store;
    const app = store.get(id.apiVersion, id.kind, id.namespace, id.name)!;
    store.put({
      ...app,
      spec: {
        ...(app.spec as object),
        image: 'ghcr.io/kartverket/matrikkel-api:v2.4.0',
      },
    });
    await backend.sim.setFaults('atkv3-test', { down: false });
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
    const id = {
      cluster: 'atkv3-admin-nonprod',
      apiVersion: 'onprem.cluster.gke.io/v1alpha1',
      kind: 'OnPremUserCluster',
      namespace: 'kube-system',
      name: 'atkv3-dev',
    };
    fleet.remember(id);
    const admin = backend.sim.cluster(id.cluster).store;
    const onprem = admin.get(id.apiVersion, id.kind, id.namespace, id.name)!;
    const status = onprem.status as Record<string, unknown>;
    admin.put({
      ...onprem,
      spec: { ...(onprem.spec as object), gkeOnPremVersion: '1.31.200-gke.59' },
      status: { ...status, state: 'UPGRADING' },
    });
    const answer = await eventually(
      clusters,
      c =>
        c.items.find(i => i.metadata.name === 'atkv3-dev')
          ?.upgradeInProgress !== undefined,
      'atkv3-dev to show its upgrade',
    );
    const row = answer.items.find(i => i.metadata.name === 'atkv3-dev')!;
    expect(row.upgradeInProgress?.targetVersion).toBe('1.31.200-gke.59');
    expect(row.versions.platform).toBe(status.version);
    expect(
      answer.items.find(i => i.metadata.name === 'atkv3-test')
        ?.upgradeInProgress,
    ).toBeUndefined();
  });
});
