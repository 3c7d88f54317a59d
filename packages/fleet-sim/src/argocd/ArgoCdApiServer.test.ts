import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ARGO_API_VERSION } from '../controllers/ArgoCdController';
import type { FleetSim } from '../FleetSim';
import { startFleetSim } from '../startFleetSim';
import type { KubeObject } from '../store/types';
import type { ResourceDiff } from './managedResources';

type ConfiguredInstance = {
  name: string;
  cluster: string;
  namespace: string;
  api: { url: string; token: string };
};

describe("the simulated Argo CD API's managed resources", () => {
  let dir: string;
  let sim: FleetSim;
  let prod: ConfiguredInstance;
  /** The Argo CD app that deploys matrikkel-api to atkv3-prod (synced by hand, so nothing heals it). */
  let app: KubeObject;

  const managedResources = (name: string, token = prod.api.token) =>
    fetch(
      `${prod.api.url}/api/v1/applications/${name}/managed-resources?appNamespace=${prod.namespace}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-argocd-api-'));
    sim = await startFleetSim({ scenario: 'demo', dir });
    const config = parse(await readFile(sim.appConfigPath, 'utf8'));
    prod = config.skip.argocd.instances.find(
      (i: ConfiguredInstance) => i.name === 'argocd-prod',
    );
    app = sim
      .cluster(prod.cluster)
      .store.list(ARGO_API_VERSION, 'Application', prod.namespace)
      .find(
        a =>
          (a.spec as any).destination.namespace === 'matrikkel-api-main' &&
          (a.spec as any).destination.name === 'atkv3-prod',
      )!;
  });
  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes every instance with its API into the app-config', async () => {
    const config = parse(await readFile(sim.appConfigPath, 'utf8'));
    for (const inst of config.skip.argocd.instances) {
      expect(inst.api).toEqual({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
        token: expect.stringMatching(/^[0-9a-f]{48}$/),
      });
    }
  });

  it('answers the desired state from git beside the live state, unmodified when synced', async () => {
    const res = await managedResources(app.metadata.name);
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: ResourceDiff[] };
    const skiperator = items.find(i => i.kind === 'Application')!;
    expect(skiperator).toEqual(
      expect.objectContaining({
        group: 'skiperator.kartverket.no',
        namespace: 'matrikkel-api-main',
        name: 'matrikkel-api',
        modified: false,
      }),
    );
    const target = JSON.parse(skiperator.targetState);
    const live = JSON.parse(skiperator.liveState);
    expect(target.spec.image).toBe('ghcr.io/kartverket/matrikkel-api:v2.3.9');
    expect(live.spec).toEqual(target.spec);
    expect(live.metadata.managedFields).toBeUndefined();
    expect(live.metadata.resourceVersion).toBeDefined();
  });

  it('marks a resource changed on the cluster by hand as modified', async () => {
    const store = sim.cluster('atkv3-prod').store;
    const before = store.get(
      'skiperator.kartverket.no/v1alpha1',
      'Application',
      'matrikkel-api-main',
      'matrikkel-api',
    )!;
    store.put({
      ...before,
      spec: { ...(before.spec as object), replicas: { min: 1, max: 2 } },
    });
    try {
      const { items } = (await (
        await managedResources(app.metadata.name)
      ).json()) as { items: ResourceDiff[] };
      const skiperator = items.find(i => i.kind === 'Application')!;
      expect(skiperator.modified).toBe(true);
      expect(JSON.parse(skiperator.liveState).spec.replicas).toEqual({
        min: 1,
        max: 2,
      });
      expect(JSON.parse(skiperator.targetState).spec.replicas).toEqual({
        min: 3,
        max: 10,
      });
    } finally {
      store.put(before);
    }
  });

  it('refuses a request without the instance token', async () => {
    const res = await managedResources(app.metadata.name, 'not-the-token');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(
      expect.objectContaining({ code: 16, message: 'no session information' }),
    );
  });

  it('answers 404 for an app the instance does not have', async () => {
    const res = await managedResources('no-such-app');
    expect(res.status).toBe(404);
    expect((await res.json()).message).toBe(
      'applications.argoproj.io "no-such-app" not found',
    );
  });
});
