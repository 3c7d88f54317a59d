import type { KubeObject } from '@internal/fleet-sim';
import request from 'supertest';
import { eventually } from './__testUtils__/eventually';
import { fleetRestorer } from './__testUtils__/restoreFleet';
import {
  FleetTestBackend,
  startFleetTestBackend,
  user,
} from './__testUtils__/startFleetTestBackend';

jest.setTimeout(90_000);

const ARGO = 'argoproj.io/v1alpha1';
/** What Argo CD records of the operation it ran. */
type OperationState = {
  phase: string;
  operation: {
    initiatedBy?: { username?: string };
    sync?: { prune?: boolean };
  };
};
const operationOf = (app: KubeObject) =>
  (app.status as { operationState?: OperationState } | undefined)
    ?.operationState;

describe('Argo CD actions on the simulated fleet', () => {
  let backend: FleetTestBackend;
  let app: { instance: string; namespace: string; name: string };
  /** Where the dev app's Argo CD Application lives (the non-prod Argo CD runs on atgcp1-dev). */
  let argoCluster: string;
  const fleet = fleetRestorer(() => backend.sim);
  const post = (action: string, body: object, name = app.name) =>
    request(backend.server)
      .post(
        `/api/skip-fleet/argocd/${app.instance}/${app.namespace}/${name}/${action}`,
      )
      .set('Authorization', user)
      .send(body);
  const application = () =>
    backend.sim
      .cluster(argoCluster)
      .store.get(ARGO, 'Application', app.namespace, app.name) as KubeObject;

  beforeAll(async () => {
    backend = await startFleetTestBackend();
    const answer = await backend.joinedApps();
    const dev = answer.items.find(i => i.cluster === 'atkv3-dev')!.argo!;
    app = { instance: dev.instance, namespace: dev.namespace, name: dev.name };
    argoCluster = [...backend.sim.clusters.values()].find(c =>
      c.store.get(ARGO, 'Application', app.namespace, app.name),
    )!.name;
  });
  beforeEach(() =>
    fleet.remember({
      cluster: argoCluster,
      apiVersion: ARGO,
      kind: 'Application',
      namespace: app.namespace,
      name: app.name,
    }),
  );
  afterEach(() => fleet.restore());
  afterAll(() => backend?.stop());

  it('refreshes: the Application gets the refresh annotation Argo CD acts on', async () => {
    const store = backend.sim.cluster(argoCluster).store;
    const annotations: (string | undefined)[] = [];
    // The simulated Argo CD removes the annotation once it has refreshed, as the real one does.
    const stop = store.onChange(({ object }) => {
      if (object.kind === 'Application' && object.metadata.name === app.name) {
        annotations.push(
          object.metadata.annotations?.['argocd.argoproj.io/refresh'],
        );
      }
    });
    const res = await post('refresh', { type: 'hard' });
    stop();
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: true });
    expect(annotations).toContain('hard');
  });

  it('syncs as the user who asked, and refuses a second sync while the first runs', async () => {
    const first = await post('sync', { prune: true });
    expect(first.status).toBe(202);
    const second = await post('sync', {});
    expect(second.status).toBe(409);
    expect(second.body.error.message).toMatch(
      new RegExp(`${app.name}.*already has an operation in progress`),
    );
    const synced = await eventually(
      application,
      a => ['Succeeded', 'Failed', 'Error'].includes(operationOf(a)?.phase!),
      'the sync to finish',
    );
    const { operation } = operationOf(synced)!;
    expect(operation.initiatedBy?.username).toBe('user:default/dev');
    expect(operation.sync?.prune).toBe(true);
  });

  it('refuses a sync the caller may not do, and touches nothing', async () => {
    backend.denied.add('skip.argocd.app.sync');
    try {
      const before = application();
      const res = await post('sync', {});
      expect(res.status).toBe(403);
      expect(application()).toEqual(before);
    } finally {
      backend.denied.clear();
    }
  });

  it('answers an unknown app with a 404 and a bad body with a 400 naming the field', async () => {
    const missing = await post('refresh', {}, 'no-such-app');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no-such-app/);
    const badType = await post('refresh', { type: 'soft' });
    expect(badType.status).toBe(400);
    expect(badType.body.error.message).toMatch(/^Invalid body: type: /);
  });
});
