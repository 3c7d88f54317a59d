import { CoreV1Api, KubeConfig, KubernetesObject, KubernetesObjectApi, PatchStrategy } from '@kubernetes/client-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetSim } from '../FleetSim';
import { attachWorld, DetachWorld } from './attachWorld';
import { parseScenario } from './loadScenario';

// Issue 20: the portal onboards a team the scenario does not know by server-side-applying its
// AppProject and ApplicationSet into Argo CD's namespace; the team's apps repo then deploys.
const ARGO = 'argoproj.io/v1alpha1';
const REPO = 'https://github.com/kartverket/newteam-apps.git';

type Obj = KubernetesObject & { spec?: any; status?: any };

async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 25));
  }
}

const gke = (name: string, environment: 'dev' | 'prod') => ({
  name,
  role: 'user',
  environment,
  site: name.split('-')[0],
  platform: 'gke',
  controlPlane: 'gke-managed',
  kubernetesVersion: 'v1.31.6-gke.1020000',
  platformVersion: '1.31.6-gke.1020000',
  nodes: 1,
});

const appProject = {
  apiVersion: ARGO,
  kind: 'AppProject',
  metadata: { name: 'newteam', namespace: 'argocd' },
  spec: {
    description: 'newteam (group:default/newteam)',
    sourceRepos: [REPO],
    destinations: [{ name: 'atkv3-dev', namespace: 'newteam-*' }],
    clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }],
    namespaceResourceBlacklist: [
      { group: '', kind: 'ResourceQuota' },
      { group: '', kind: 'LimitRange' },
    ],
  },
};

// Shaped as World.ts's applicationSet(); atkv3-prod is listed on purpose: argocd-nonprod has no secret for it.
const applicationSet = {
  apiVersion: ARGO,
  kind: 'ApplicationSet',
  metadata: { name: 'newteam', namespace: 'argocd' },
  spec: {
    goTemplate: true,
    goTemplateOptions: ['missingkey=error'],
    generators: [{ git: { repoURL: REPO, revision: 'HEAD', directories: [{ path: 'env/atkv3-dev/*' }, { path: 'env/atkv3-prod/*' }] } }],
    template: {
      metadata: { name: '{{index .path.segments 1}}-{{.path.basename}}', labels: { team: 'newteam' } },
      spec: {
        project: 'newteam',
        source: { repoURL: REPO, targetRevision: 'HEAD', path: '{{.path.path}}', directory: { recurse: true } },
        destination: { name: '{{index .path.segments 1}}', namespace: '{{.path.basename}}' },
        syncPolicy: {
          automated: { prune: true, selfHeal: true },
          syncOptions: ['CreateNamespace=true'],
          managedNamespaceMetadata: { labels: { team: 'newteam' } },
        },
      },
    },
  },
};

const skiperatorApp = (name: string) => ({
  apiVersion: 'skiperator.kartverket.no/v1alpha1',
  kind: 'Application',
  metadata: { name },
  spec: { image: `ghcr.io/kartverket/${name}:1.0.0`, port: 8080, replicas: 1, team: 'newteam' },
});

describe('onboarding a team the scenario does not know, through the kube API and the control API', () => {
  let dir: string;
  let sim: FleetSim;
  let detach: DetachWorld;

  beforeAll(async () => {
    const scenario = parseScenario({
      clusters: [gke('atgcp1-dev', 'dev'), gke('atkv3-dev', 'dev'), gke('atkv3-prod', 'prod')],
      argocd: [{ name: 'argocd-nonprod', cluster: 'atgcp1-dev', environments: ['dev'] }],
      teams: [{ name: 'skip', prefix: 'skip-', group: 'group:default/skip' }],
      apps: [],
    });
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-onboard-'));
    sim = await FleetSim.start({ clusters: scenario.clusters, dir });
    detach = await attachWorld(sim, scenario, { argoSyncMs: 20 });
  }, 30_000);

  afterAll(async () => {
    detach?.();
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function client(cluster: string): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(cluster);
    return kc;
  }

  const argo = () => KubernetesObjectApi.makeApiClient(client('atgcp1-dev'));
  const readArgoApp = (name: string) =>
    argo()
      .read({ apiVersion: ARGO, kind: 'Application', metadata: { name, namespace: 'argocd' } })
      .then(o => o as Obj)
      .catch(() => undefined);
  const namespaceExists = (cluster: string, name: string) =>
    client(cluster)
      .makeApiClient(CoreV1Api)
      .readNamespace({ name })
      .then(() => true)
      .catch(() => false);
  const putDirectory = async (cluster: string, namespace: string, manifests: unknown[]) => {
    const controlUrl = (await readFile(join(dir, 'control-url'), 'utf8')).trim();
    expect(controlUrl).toBe(sim.controlUrl);
    const res = await fetch(`${controlUrl}/apps-repos/newteam/directories`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ cluster, namespace, manifests }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { path: string; revision: string };
  };

  it('generates, syncs and deploys a new directory with the AppProject and ApplicationSet the portal applied', async () => {
    await argo().patch(appProject, undefined, undefined, 'skip-portal', true, PatchStrategy.ServerSideApply);
    await argo().patch(applicationSet, undefined, undefined, 'skip-portal', true, PatchStrategy.ServerSideApply);

    // The set is reconciled at once, against newteam's (empty) apps repo.
    const set = await eventually(async () => {
      const s = (await argo().read({ apiVersion: ARGO, kind: 'ApplicationSet', metadata: { name: 'newteam', namespace: 'argocd' } })) as Obj;
      return s.status?.conditions && s;
    });
    expect(set.status.conditions).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'ResourcesUpToDate', status: 'True' })]));
    expect(set.status.resources).toEqual([]);
    expect(detach.world.repos.get('newteam')?.url).toBe(REPO);

    const put = await putDirectory('atkv3-dev', 'newteam-web', [skiperatorApp('web')]);
    expect(put).toEqual({ path: 'env/atkv3-dev/newteam-web', revision: expect.stringMatching(/^[0-9a-f]{40}$/) });

    const app = await eventually(async () => {
      const a = await readArgoApp('atkv3-dev-newteam-web');
      return a?.status?.sync?.status === 'Synced' && a?.status?.health?.status === 'Healthy' && a;
    });
    expect(app.spec).toMatchObject({ project: 'newteam', destination: { name: 'atkv3-dev', namespace: 'newteam-web' } });
    expect(app.metadata?.ownerReferences).toEqual([expect.objectContaining({ kind: 'ApplicationSet', name: 'newteam' })]);
    expect(app.status.operationState).toMatchObject({ phase: 'Succeeded', syncResult: { revision: put.revision } });
    expect(app.status.conditions).toBeUndefined();

    const ns = await client('atkv3-dev').makeApiClient(CoreV1Api).readNamespace({ name: 'newteam-web' });
    expect(ns.metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'newteam-web', team: 'newteam' });
    expect(ns.metadata?.annotations).toEqual({ 'argocd.argoproj.io/sync-options': 'ServerSideApply=true' });
    const dev = KubernetesObjectApi.makeApiClient(client('atkv3-dev'));
    const skip = (await dev.read({ apiVersion: 'skiperator.kartverket.no/v1alpha1', kind: 'Application', metadata: { name: 'web', namespace: 'newteam-web' } })) as Obj;
    expect(skip.metadata?.annotations?.['argocd.argoproj.io/tracking-id']).toBe('atkv3-dev-newteam-web:skiperator.kartverket.no/Application:newteam-web/web');
    await dev.read({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'newteam-web' } });

    const after = (await argo().read({ apiVersion: ARGO, kind: 'ApplicationSet', metadata: { name: 'newteam', namespace: 'argocd' } })) as Obj;
    expect(after.status.resources).toEqual([expect.objectContaining({ kind: 'Application', name: 'atkv3-dev-newteam-web' })]);
  }, 20_000);

  it("refuses a directory outside the project's destinations with Argo CD's InvalidSpecError and creates nothing", async () => {
    await putDirectory('atkv3-dev', 'other-x', [skiperatorApp('x')]);
    const app = await eventually(async () => {
      const a = await readArgoApp('atkv3-dev-other-x');
      return a?.status?.conditions && a;
    });
    expect(app.status.conditions).toEqual([
      {
        type: 'InvalidSpecError',
        message: "application destination server 'https://atkv3-dev.clusters.kartverket.dev' and namespace 'other-x' do not match any of the allowed destinations in project 'newteam'",
        lastTransitionTime: expect.any(String),
      },
    ]);
    expect(app.status.sync.status).toBe('Unknown');
    expect(app.status.health.status).toBe('Unknown');
    await new Promise(r => setTimeout(r, 100));
    expect(await namespaceExists('atkv3-dev', 'other-x')).toBe(false);
    expect((await readArgoApp('atkv3-dev-other-x'))?.status?.operationState).toBeUndefined();
  });

  it('does not deploy to a cluster the instance has no cluster secret for', async () => {
    await putDirectory('atkv3-prod', 'newteam-web', [skiperatorApp('web')]);
    const app = await eventually(async () => {
      const a = await readArgoApp('atkv3-prod-newteam-web');
      return a?.status?.conditions && a;
    });
    expect(app.status.conditions).toEqual([
      expect.objectContaining({ type: 'InvalidSpecError', message: 'unable to find destination server: there are no clusters with this name: atkv3-prod' }),
    ]);
    await new Promise(r => setTimeout(r, 100));
    expect(await namespaceExists('atkv3-prod', 'newteam-web')).toBe(false);
  });
});
