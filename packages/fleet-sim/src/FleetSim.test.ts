import https from 'node:https';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FleetSim } from './FleetSim';
import { writeBackstageConfig } from './kubeconfig/writeBackstageConfig';

function get(url: string, token: string, ca: string): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers: { Authorization: `Bearer ${token}` } }, res => {
        let body = '';
        res.on('data', c => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(body) }));
      })
      .on('error', reject);
  });
}

async function control(sim: FleetSim, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sim.controlUrl}${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('FleetSim', () => {
  let dir: string;
  let sim: FleetSim;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-'));
    sim = await FleetSim.start({
      clusters: [
        { name: 'atkv3-dev', kubernetesVersion: 'v1.30.7-gke.1500', token: 'dev-token' },
        { name: 'atgcp1-dev', kubernetesVersion: 'v1.32.4-gke.1106006' },
      ],
      dir,
    });
  });

  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a kubeconfig with one context per cluster, the CA inline and each bearer token', async () => {
    const kubeconfig = parse(await readFile(sim.kubeconfigPath, 'utf8'));
    expect(kubeconfig.contexts.map((c: any) => c.name)).toEqual(['atkv3-dev', 'atgcp1-dev']);
    expect(kubeconfig.clusters[0].cluster).toEqual({
      server: sim.cluster('atkv3-dev').url,
      'certificate-authority-data': Buffer.from(sim.caPem).toString('base64'),
    });
    expect(kubeconfig.users[0].user.token).toBe('dev-token');
  });

  it('reports /version from the cluster version and follows version changes made over the control API', async () => {
    const cluster = sim.cluster('atkv3-dev');
    const before = await get(`${cluster.url}/version`, cluster.token, sim.caPem);
    expect(before.body).toMatchObject({ major: '1', minor: '30', gitVersion: 'v1.30.7-gke.1500' });
    const changed = await control(sim, 'PUT', '/clusters/atkv3-dev/version', { kubernetesVersion: 'v1.31.5-gke.200' });
    expect(changed.status).toBe(200);
    const after = await get(`${cluster.url}/version`, cluster.token, sim.caPem);
    expect(after.body).toMatchObject({ minor: '31', gitVersion: 'v1.31.5-gke.200' });
  });

  it('switches faults over the control API and rejects unknown ones', async () => {
    const set = await control(sim, 'PUT', '/clusters/atgcp1-dev/faults', { errorStatus: 500, latencyMs: 5 });
    expect(set.body.faults).toMatchObject({ errorStatus: 500, latencyMs: 5, down: false });
    const cluster = sim.cluster('atgcp1-dev');
    const failing = await get(`${cluster.url}/api/v1/namespaces`, cluster.token, sim.caPem);
    expect(failing).toMatchObject({ status: 500, body: { kind: 'Status', code: 500 } });

    expect((await control(sim, 'PUT', '/clusters/atgcp1-dev/faults', { explode: true })).status).toBe(400);
    expect((await control(sim, 'PUT', '/clusters/nope/faults', {})).status).toBe(404);
    await control(sim, 'PUT', '/clusters/atgcp1-dev/faults', { errorStatus: null, latencyMs: 0 });
    const listed = await control(sim, 'GET', '/clusters');
    expect(listed.body.clusters.map((c: any) => [c.name, c.faults.errorStatus])).toEqual([
      ['atkv3-dev', undefined],
      ['atgcp1-dev', undefined],
    ]);
  });

  it('serves routes the world registers on the control API', async () => {
    sim.control.route('POST', '/gkectl/:cluster/upgrade', async ({ params, body }) => ({ status: 202, body: { params, body } }));
    const res = await control(sim, 'POST', '/gkectl/atkv3-dev/upgrade', { to: '1.31' });
    expect(res).toEqual({ status: 202, body: { params: { cluster: 'atkv3-dev' }, body: { to: '1.31' } } });
  });

  it('writes the portal config block for every cluster and Argo CD instance', async () => {
    const file = join(dir, 'app-config.sim.yaml');
    await writeBackstageConfig(
      sim,
      [{ name: 'atkv3-dev', environment: 'dev', site: 'atkv3', platform: 'anthos-vmware', controlPlane: 'kubeception', role: 'user', adminCluster: 'atkv3-admin' }],
      [{ name: 'argocd-nonprod', cluster: 'atgcp1-dev', namespace: 'argocd' }],
      file,
    );
    const config = parse(await readFile(file, 'utf8'));
    expect(config.kubernetes.clusterLocatorMethods[0].clusters[0]).toEqual({
      name: 'atkv3-dev',
      url: sim.cluster('atkv3-dev').url,
      authProvider: 'serviceAccount',
      serviceAccountToken: 'dev-token',
      caData: Buffer.from(sim.caPem).toString('base64'),
      skipMetricsLookup: true,
    });
    expect(config.skip.clusters).toEqual([
      { name: 'atkv3-dev', environment: 'dev', site: 'atkv3', platform: 'anthos-vmware', controlPlane: 'kubeception', role: 'user', adminCluster: 'atkv3-admin' },
    ]);
    expect(config.skip.argocd.instances).toEqual([{ name: 'argocd-nonprod', cluster: 'atgcp1-dev', namespace: 'argocd' }]);
  });
});
