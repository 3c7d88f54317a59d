import type { ArgoAppDetails } from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import type { ObjectId } from './__testUtils__/restoreFleet';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

type ArgoApp = ObjectId & { instance: string };

describe('Argo CD details, sync options and rollback on the simulated fleet', () => {
  const { backend, fleet } = useFleetTestBackend();
  /** matrikkel-api in dev (auto-synced) and in prod (synced by hand, as prod apps are). */
  let dev: ArgoApp;
  let prod: ArgoApp;
  const path = (app: ArgoApp) =>
    `/argocd/${app.instance}/${app.namespace}/${app.name}`;
  const details = async (app: ArgoApp) => {
    const res = await backend().get(path(app));
    expect(res.status).toBe(200);
    return res.body as ArgoAppDetails;
  };
  /** Waits until the operation the test's user started has finished (the seeded one was auto-sync's). */
  const finished = (app: ArgoApp) =>
    eventually(
      () => details(app),
      d =>
        d.operation?.initiatedBy?.username === 'user:default/dev' &&
        (d.operation.phase === 'Succeeded' || d.operation.phase === 'Failed'),
      "the user's operation to finish",
    );

  beforeAll(async () => {
    dev = await backend().devArgoApplication();
    const answer = await backend().joinedApps();
    const prodRef = answer.items.find(i => i.cluster === 'atkv3-prod')!.argo!;
    const cluster = [...backend().sim.clusters.values()].find(c =>
      c.store.get(dev.apiVersion, dev.kind, prodRef.namespace, prodRef.name),
    )!.name;
    prod = {
      ...dev,
      cluster,
      instance: prodRef.instance,
      namespace: prodRef.namespace,
      name: prodRef.name,
    };
  });
  beforeEach(() => {
    fleet.remember(dev);
    fleet.remember(prod);
  });

  it("shows where the app comes from, how it syncs, and its history, linked to the team's repo", async () => {
    const d = await details(dev);
    expect(d.source).toEqual(
      expect.objectContaining({
        repoURL: 'https://github.com/kartverket/matrikkel-apps.git',
        path: 'env/atkv3-dev/matrikkel-api-main',
        repoWebUrl: 'https://github.com/kartverket/matrikkel-apps',
        pathWebUrl: expect.stringMatching(
          /^https:\/\/github\.com\/kartverket\/matrikkel-apps\/tree\/.+\/env\/atkv3-dev\/matrikkel-api-main$/,
        ),
      }),
    );
    expect(d.destination.namespace).toBe('matrikkel-api-main');
    expect(d.syncPolicy.automated).toBe(true);
    expect(d.history.length).toBeGreaterThan(0);
    const [latest] = d.history;
    expect(latest.revisionUrl).toBe(
      `https://github.com/kartverket/matrikkel-apps/commit/${latest.revision}`,
    );
    expect(d.actions.sync).toEqual({ allowed: true });
    // Auto-sync would sync a rollback straight back to git, so it is refused with why.
    expect(d.actions.rollback.allowed).toBe(false);
    expect(d.actions.rollback.reason).toMatch(/syncs automatically/);
    expect((await details(prod)).syncPolicy.automated).toBe(false);
  });

  it('shows nothing of an app whose namespace the caller may not look into', async () => {
    backend().denied.add('skip.fleet.namespace.read');
    try {
      const res = await backend().get(path(dev));
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toMatch(/matrikkel-apps/);
    } finally {
      backend().denied.clear();
    }
  });

  it('says why the caller may not sync or roll back, without refusing to show the app', async () => {
    backend().denied.add('skip.argocd.app.sync');
    try {
      const d = await details(prod);
      expect(d.actions.sync.allowed).toBe(false);
      expect(d.actions.rollback).toEqual(d.actions.sync);
      expect(d.actions.refresh.allowed).toBe(true);
    } finally {
      backend().denied.clear();
    }
  });

  it('syncs with the options asked for: a dry run of one selected resource, with prune', async () => {
    const res = await backend().post(`${path(prod)}/sync`, {
      prune: true,
      dryRun: true,
      resources: [{ kind: 'Application', name: 'matrikkel-api' }],
    });
    expect(res.status).toBe(202);
    const { operation } = await finished(prod);
    expect(operation).toEqual(
      expect.objectContaining({
        dryRun: true,
        prune: true,
        initiatedBy: { username: 'user:default/dev' },
        selectedResources: [
          expect.objectContaining({
            kind: 'Application',
            name: 'matrikkel-api',
            namespace: 'matrikkel-api-main',
          }),
        ],
      }),
    );
  });

  it('refuses to sync a resource the app does not manage, naming it', async () => {
    const res = await backend().post(`${path(prod)}/sync`, {
      resources: [{ kind: 'Deployment', name: 'not-ours' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /^Invalid body: resources\.0: Deployment 'not-ours' is not a resource/,
    );
  });

  it('rolls a hand-synced app back to an earlier deployment, and records who did', async () => {
    expect(
      (await backend().post(`${path(prod)}/sync`, { prune: false })).status,
    ).toBe(202);
    const synced = await finished(prod);
    expect(synced.history.length).toBeGreaterThan(1);
    const earlier = synced.history[synced.history.length - 1];

    const res = await backend().post(`${path(prod)}/rollback`, {
      id: earlier.id,
    });
    expect(res.status).toBe(202);
    const rolledBack = await eventually(
      () => details(prod),
      d =>
        d.operation?.phase === 'Succeeded' &&
        d.history.length > synced.history.length,
      'the rollback to finish',
    );
    expect(rolledBack.operation?.revision).toBe(earlier.revision);
    // As Argo CD's own rollback: the source as deployed then, applied without hooks.
    const stored = backend()
      .sim.cluster(prod.cluster)
      .store.get(prod.apiVersion, prod.kind, prod.namespace, prod.name) as any;
    const asked = stored.status.operationState.operation.sync;
    expect(asked.source.path).toBe('env/atkv3-prod/matrikkel-api-main');
    expect(asked.syncStrategy).toEqual({ apply: {} });
    expect(rolledBack.history[0]).toEqual(
      expect.objectContaining({
        revision: earlier.revision,
        initiatedBy: { username: 'user:default/dev' },
      }),
    );
  });

  it('refuses a sync to another revision while auto-sync is on: a rollback by another name', async () => {
    const { history } = await details(dev);
    const res = await backend().post(`${path(dev)}/sync`, {
      revision: history[0].revision,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/syncs automatically/);
  });

  it('refuses a rollback while auto-sync is on (409) and to a deployment that does not exist (400)', async () => {
    const autoSynced = await backend().post(`${path(dev)}/rollback`, { id: 0 });
    expect(autoSynced.status).toBe(409);
    expect(autoSynced.body.error.message).toMatch(/syncs automatically/);
    const unknown = await backend().post(`${path(prod)}/rollback`, { id: 99 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/^Invalid body: id: /);
    const missing = await backend().post(`${path(prod)}/rollback`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^Invalid body: id/);
  });
});
