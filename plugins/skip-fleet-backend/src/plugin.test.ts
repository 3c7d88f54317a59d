import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import type {
  AppsResponse,
  ListClustersResponse,
} from '@internal/plugin-skip-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { skipFleetPlugin } from './plugin';

jest.setTimeout(90_000);

const component = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'matrikkel-api',
    annotations: { 'skip.kartverket.no/skiperator-apps': 'matrikkel-api' },
  },
  spec: {
    type: 'service',
    owner: 'group:default/matrikkel',
    lifecycle: 'production',
  },
};
const team = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: {
    name: 'matrikkel',
    annotations: { 'skip.kartverket.no/namespace-prefix': 'matrikkel-' },
  },
  spec: { type: 'team', children: [] },
};

/** Components named like matrikkel's app, without a SKIP annotation, owned by two teams. */
const unannotated = ['seeiendom', 'matrikkel'].map(owner => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'matrikkel-api', namespace: `owned-by-${owner}` },
  spec: {
    type: 'service',
    owner: `group:default/${owner}`,
    lifecycle: 'production',
  },
}));

async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 45_000;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(
    `Timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(
      0,
      500,
    )}`,
  );
}

const decide = (r: { permission: { name: string } }) => ({
  result:
    r.permission.name === 'skip.argocd.app.sync'
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW,
});

describe('skip-fleet backend against the simulated fleet', () => {
  let sim: FleetSim;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  let dir: string;
  const user = mockCredentials.user.header('user:default/dev');

  const apps = () =>
    request(server)
      .get('/api/skip-fleet/apps')
      .query({ entityRef: 'component:default/matrikkel-api' })
      .set('Authorization', user)
      .then(res => res.body as AppsResponse);
  const clusters = () =>
    request(server)
      .get('/api/skip-fleet/clusters')
      .set('Authorization', user)
      .then(res => res.body as ListClustersResponse);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-fleet-test-'));
    sim = await startFleetSim({ scenario: 'demo', dir });
    const simConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
    ({ server } = await startTestBackend({
      features: [
        skipFleetPlugin,
        mockServices.rootConfig.factory({ data: simConfig }),
        catalogServiceMock.factory({
          entities: [component, team, ...unannotated],
        }),
        // The real policy is exercised by the authorization matrix (packages/backend); here
        // the caller may do everything but sync.
        mockServices.permissions.mock({
          authorize: async requests => requests.map(decide),
          authorizeConditional: async requests => requests.map(decide),
        }).factory,
      ],
    }));
  });

  afterAll(async () => {
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("merges a component's apps from several clusters, each joined with the Argo CD app that deploys it", async () => {
    const answer = await eventually(
      apps,
      a => a.items?.length === 3 && a.items.every(i => i.argo),
      'three joined apps',
    );
    const byCluster = Object.fromEntries(answer.items.map(i => [i.cluster, i]));
    expect(Object.keys(byCluster).sort()).toEqual([
      'atkv3-dev',
      'atkv3-prod',
      'atkv3-test',
    ]);
    expect(byCluster['atkv3-prod'].argo?.instance).toBe('argocd-prod');
    expect(byCluster['atkv3-dev'].argo?.instance).toBe('argocd-nonprod');
    expect(byCluster['atkv3-dev'].environment).toBe('dev');
    expect(byCluster['atkv3-dev'].tag).toBe('v2.4.0-rc1-typo');
    const failing = await eventually(
      apps,
      a => a.items.find(i => i.cluster === 'atkv3-dev')?.health === 'Degraded',
      'the bad image to degrade the dev app',
    );
    const dev = failing.items.find(i => i.cluster === 'atkv3-dev')!;
    expect(dev.ownedResources.find(o => o.kind === 'Deployment')?.health).toBe(
      'Degraded',
    );
    expect(answer.clusters.every(c => c.reachability === 'reachable')).toBe(
      true,
    );
  });

  it("lets a component without a SKIP annotation claim only its owner team's apps of that name", async () => {
    await eventually(apps, a => a.items?.length === 3, 'three apps');
    const byOwner = async (owner: string) =>
      (
        await request(server)
          .get('/api/skip-fleet/apps')
          .query({ entityRef: `component:owned-by-${owner}/matrikkel-api` })
          .set('Authorization', user)
      ).body as AppsResponse;
    expect(
      (await byOwner('matrikkel')).items.map(i => i.cluster).sort(),
    ).toEqual(['atkv3-dev', 'atkv3-prod', 'atkv3-test']);
    expect((await byOwner('seeiendom')).items).toEqual([]);
  });

  it('explains a failing resource with its events and pods', async () => {
    const res = await request(server)
      .get(
        '/api/skip-fleet/resources/atkv3-dev/matrikkel-api-main/Application/matrikkel-api',
      )
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.pods.length).toBeGreaterThan(0);
    expect(
      res.body.pods[0].containers.find((c: any) => c.name === 'matrikkel-api')
        .reason,
    ).toMatch(/ImagePullBackOff|ErrImagePull/);
    expect(res.body.events.map((e: any) => e.reason)).toContain('Failed');
  });

  it('answers bad input with a 400 that names the field', async () => {
    const res = await request(server)
      .get('/api/skip-fleet/resources/atkv3-dev/Not_A_Namespace/Deployment/x')
      .set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/namespace/);
    const noQuery = await request(server)
      .get('/api/skip-fleet/apps')
      .set('Authorization', user);
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.error.message).toMatch(/entityRef or team/);
  });

  it('refuses a sync the caller may not do, and accepts a refresh they may', async () => {
    const answer = await eventually(
      apps,
      a => a.items?.length === 3 && a.items.every(i => i.argo),
      'joined apps',
    );
    const argoName = answer.items.find(i => i.cluster === 'atkv3-dev')!.argo!
      .name;
    const sync = await request(server)
      .post(`/api/skip-fleet/argocd/argocd-nonprod/argocd/${argoName}/sync`)
      .set('Authorization', user)
      .send({});
    expect(sync.status).toBe(403);
    const refresh = await request(server)
      .post(`/api/skip-fleet/argocd/argocd-nonprod/argocd/${argoName}/refresh`)
      .set('Authorization', user)
      .send({ type: 'hard' });
    expect(refresh.status).toBe(202);
    const missing = await request(server)
      .post('/api/skip-fleet/argocd/argocd-nonprod/argocd/no-such-app/refresh')
      .set('Authorization', user)
      .send({});
    expect(missing.status).toBe(404);
    const badType = await request(server)
      .post(`/api/skip-fleet/argocd/argocd-nonprod/argocd/${argoName}/refresh`)
      .set('Authorization', user)
      .send({ type: 'soft' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(/type/);
  });

  it('keeps answering when a cluster goes down mid-watch, marking only its rows, and resumes when it returns', async () => {
    await eventually(apps, a => a.items?.length === 3, 'three apps');
    await sim.setFaults('atkv3-test', { down: true });
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
    const store = sim.cluster('atkv3-test').store;
    const app = store.get(
      'skiperator.kartverket.no/v1alpha1',
      'Application',
      'matrikkel-api-main',
      'matrikkel-api',
    )!;
    store.put({
      ...app,
      spec: {
        ...(app.spec as object),
        image: 'ghcr.io/kartverket/matrikkel-api:v2.4.0',
      },
    });
    await sim.setFaults('atkv3-test', { down: false });
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
    const admin = sim.cluster('atkv3-admin-nonprod').store;
    const onprem = admin.get(
      'onprem.cluster.gke.io/v1alpha1',
      'OnPremUserCluster',
      'kube-system',
      'atkv3-dev',
    )!;
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

  it('follows a pod log live, and answers a missing pod with a 404 instead of an empty stream', async () => {
    const details = await request(server)
      .get(
        '/api/skip-fleet/resources/atgcp1-sandbox/nrl-register-main/Application/nrl-register',
      )
      .set('Authorization', user);
    const pod = details.body.pods[0].name;
    const { port } = server.address() as { port: number };
    const aborter = new AbortController();
    const res = await fetch(
      `http://localhost:${port}/api/skip-fleet/pods/atgcp1-sandbox/nrl-register-main/${pod}/log?follow=true&tailLines=5`,
      { headers: { Authorization: user }, signal: aborter.signal },
    );
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('refused')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    expect(text).toMatch(/Connection to postgres:5432 refused/);
    aborter.abort();

    const missing = await request(server)
      .get(
        '/api/skip-fleet/pods/atgcp1-sandbox/nrl-register-main/no-such-pod/log',
      )
      .query({ follow: 'true' })
      .set('Authorization', user);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no-such-pod/);
  });
});
