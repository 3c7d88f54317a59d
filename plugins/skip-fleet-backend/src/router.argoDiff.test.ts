import type { ArgoAppDiff } from '@internal/plugin-skip-common';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

const SKIPERATOR_APP = {
  apiVersion: 'skiperator.kartverket.no/v1alpha1',
  kind: 'Application',
};

describe("Argo CD's live-versus-desired diff on the simulated fleet", () => {
  const { backend, fleet } = useFleetTestBackend();
  /** matrikkel-api in prod: synced by hand, so Argo CD does not heal what a test changes. */
  let path: string;
  const diff = async () => {
    const res = await backend().get(path);
    expect(res.status).toBe(200);
    return res.body as ArgoAppDiff;
  };

  beforeAll(async () => {
    const answer = await backend().joinedApps();
    const prod = answer.items.find(i => i.cluster === 'atkv3-prod')!.argo!;
    path = `/argocd/${prod.instance}/${prod.namespace}/${prod.name}/diff`;
  });

  it('shows no differences for an app that is in sync with git', async () => {
    const d = await diff();
    expect(d.available).toBe(true);
    expect(d.resources).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          group: 'skiperator.kartverket.no',
          kind: 'Application',
          namespace: 'matrikkel-api-main',
          name: 'matrikkel-api',
          change: 'none',
          diff: '',
        }),
      ]),
    );
    expect(d.resources.every(r => r.change === 'none')).toBe(true);
  });

  it('shows a resource changed by hand on the cluster as modified, with the changed lines', async () => {
    fleet.update(
      {
        cluster: 'atkv3-prod',
        ...SKIPERATOR_APP,
        namespace: 'matrikkel-api-main',
        name: 'matrikkel-api',
      },
      app => ({
        ...app,
        spec: { ...(app.spec as object), replicas: { min: 1, max: 2 } },
      }),
    );
    const d = await diff();
    const [first] = d.resources;
    expect(first).toEqual(
      expect.objectContaining({ kind: 'Application', change: 'modified' }),
    );
    const lines = first.diff.split('\n');
    // The live object (-) against git (+), status and server-set metadata left out.
    expect(lines).toEqual(
      expect.arrayContaining([
        '-    max: 2',
        '-    min: 1',
        '+    max: 10',
        '+    min: 3',
      ]),
    );
    expect(first.diff).not.toMatch(/resourceVersion|managedFields|status:/);
  });

  it('shows nothing of an app whose namespace the caller may not look into', async () => {
    backend().denied.add('skip.fleet.namespace.read');
    try {
      const res = await backend().get(path);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toMatch(/matrikkel-api:v/);
    } finally {
      backend().denied.clear();
    }
  });

  it('answers 404 for an app Argo CD does not have', async () => {
    const res = await backend().get(
      '/argocd/argocd-nonprod/argocd/no-such-app/diff',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no-such-app/);
  });
});
