import type { KubeObject } from '@internal/fleet-sim';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import type { ObjectId } from './__testUtils__/restoreFleet';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

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
  const { backend, fleet } = useFleetTestBackend();
  /** The dev app's Argo CD Application (the non-prod Argo CD runs on atgcp1-dev). */
  let app: ObjectId & { instance: string };
  const post = (action: string, body: object, name = app.name) =>
    backend().post(
      `/argocd/${app.instance}/${app.namespace}/${name}/${action}`,
      body,
    );
  const store = () => backend().sim.cluster(app.cluster).store;
  const application = () =>
    store().get(app.apiVersion, app.kind, app.namespace, app.name)!;

  beforeAll(async () => {
    app = await backend().devArgoApplication();
  });
  beforeEach(() => fleet.remember(app));

  it('refreshes: the Application gets the refresh annotation Argo CD acts on', async () => {
    const annotations: (string | undefined)[] = [];
    // The simulated Argo CD removes the annotation once it has refreshed, as the real one does.
    const stop = store().onChange(({ object }) => {
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
    backend().denied.add('skip.argocd.app.sync');
    try {
      const before = application();
      const res = await post('sync', {});
      expect(res.status).toBe(403);
      expect(application()).toEqual(before);
    } finally {
      backend().denied.clear();
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
