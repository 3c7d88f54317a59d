import { CoreV1Api, KubeConfig, KubernetesObjectApi, Log, makeInformer, PatchStrategy, V1ConfigMap, V1Pod } from '@kubernetes/client-node';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { FleetSim } from './FleetSim';
import { startFleetSim } from './startFleetSim';

type Result = { code: number; stdout: string; stderr: string };

async function eventually<T>(probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 25));
  }
}

// One cluster of each kind in the demo fleet.
const KINDS = [
  ['kubeception user', 'atkv3-dev', 'anetd'],
  ['Controlplane V2 user', 'atkv3-sandbox', 'kube-apiserver'],
  ['admin', 'atkv3-admin-nonprod', 'kube-apiserver'],
  ['GKE', 'atgcp1-dev', 'kube-dns'],
] as const;

describe('real kubectl and client-node against every kind of cluster in the demo fleet', () => {
  let dir: string;
  let sim: FleetSim;
  let env: NodeJS.ProcessEnv;
  const stops: (() => void)[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-kinds-'));
    // A short history window and watch lifetime, so informers meet 410 Expired and relist here.
    sim = await startFleetSim({ scenario: 'demo', dir, watchHistory: { windowMs: 300 }, watchLifetimeMs: 400 });
    env = { ...process.env, KUBECONFIG: sim.kubeconfigPath, KUBECACHEDIR: join(dir, 'kube-cache') };
  }, 30_000);

  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
  });

  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function kubectl(cluster: string, ...args: string[]): Promise<Result> {
    return new Promise(resolve => {
      execFile('kubectl', ['--context', cluster, ...args], { env, timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  function client(cluster: string): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(cluster);
    return kc;
  }

  describe.each(KINDS)('%s cluster %s', (_kind, cluster, systemPod) => {
    it('serves discovery, label-selected lists, paging and system pod logs to kubectl', async () => {
      const resources = await kubectl(cluster, 'api-resources', '--api-group=apps', '-o', 'name');
      expect(resources.stdout.split('\n')).toEqual(expect.arrayContaining(['deployments.apps', 'daemonsets.apps', 'statefulsets.apps']));

      const selected = await kubectl(cluster, 'get', 'pods', '-n', 'kube-system', '-l', `k8s-app=${systemPod}`, '-o', 'name');
      const all = await kubectl(cluster, 'get', 'pods', '-A', '--chunk-size=3', '-o', 'name');
      const named = systemPod === 'kube-apiserver' ? await kubectl(cluster, 'get', 'pods', '-n', 'kube-system', '-l', 'component=kube-apiserver', '-o', 'name') : selected;
      expect(named.stdout.trim()).toMatch(new RegExp(`^pod/${systemPod}-`));
      // Paged by 3 and followed through continue tokens, kubectl still sees every pod.
      expect(all.stdout.trim().split('\n').length).toBeGreaterThan(6);

      const pod = named.stdout.trim().split('\n')[0].replace('pod/', '');
      const logs = await kubectl(cluster, 'logs', '-n', 'kube-system', pod, '--tail', '2');
      expect(logs.code).toBe(0);
      expect(logs.stdout.trim().split('\n')).toHaveLength(2);
    });

    it('applies server-side with a conflict, then patches, and the patch arrives as a MODIFIED watch event', async () => {
      const kc = client(cluster);
      const objects = KubernetesObjectApi.makeApiClient(kc);
      const cm = (value: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kinds', namespace: 'default', labels: { test: 'kinds' } }, data: { owner: value } });
      await objects.patch(cm('ci'), undefined, undefined, 'ci', undefined, PatchStrategy.ServerSideApply);
      const conflict = await objects.patch(cm('someone-else'), undefined, undefined, 'other', false, PatchStrategy.ServerSideApply).catch(e => e);
      expect(conflict.code).toBe(409);
      expect(String(conflict.body)).toContain('conflict with \\"ci\\"');

      const events: { type: string; data?: Record<string, string> }[] = [];
      const informer = makeInformer<V1ConfigMap>(kc, '/api/v1/namespaces/default/configmaps', () => kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: 'default', labelSelector: 'test=kinds' }), 'test=kinds');
      informer.on('update', o => events.push({ type: 'MODIFIED', data: o.data }));
      stops.push(() => void informer.stop());
      await informer.start();
      await objects.patch({ ...cm('ci'), data: { owner: 'ci', patched: 'yes' } }, undefined, undefined, 'ci', undefined, PatchStrategy.MergePatch);
      await eventually(() => events.some(e => e.data?.patched === 'yes'));
    });
  });

  it('makes a client-node informer relist after the watch history window has passed', async () => {
    const kc = client('atkv3-admin-nonprod');
    const core = kc.makeApiClient(CoreV1Api);
    let lists = 0;
    const seen = new Map<string, string | undefined>();
    const informer = makeInformer<V1ConfigMap>(kc, '/api/v1/namespaces/default/configmaps', () => {
      lists++;
      return core.listNamespacedConfigMap({ namespace: 'default' });
    });
    informer.on('add', o => seen.set(o.metadata!.name!, o.data?.k));
    informer.on('update', o => seen.set(o.metadata!.name!, o.data?.k));
    const errors: unknown[] = [];
    informer.on('error', e => errors.push(e));
    stops.push(() => void informer.stop());
    await informer.start();
    // Other writes move the cluster on while the watch is open, so its resourceVersion falls out of the window.
    const store = sim.cluster('atkv3-admin-nonprod').store;
    store.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere', namespace: 'kube-public' }, data: { k: '1' } });
    await eventually(() => lists > 1);
    store.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after-relist', namespace: 'default' }, data: { k: 'seen' } });
    await eventually(() => seen.get('after-relist') === 'seen');
    expect(errors).toEqual([]);
  });

  it('answers a watch from a compacted resourceVersion with one 410 Expired ERROR event', async () => {
    const kc = client('atgcp1-dev');
    const list = await kc.makeApiClient(CoreV1Api).listNamespacedConfigMap({ namespace: 'default' });
    sim.cluster('atgcp1-dev').store.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'moves-on', namespace: 'default' } });
    await new Promise(r => setTimeout(r, 400));
    const result = await new Promise<Result>(resolve => {
      execFile('kubectl', ['--context', 'atgcp1-dev', 'get', '--raw', `/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${list.metadata!.resourceVersion}`], { env, timeout: 20_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? 1 : 0, stdout, stderr }),
      );
    });
    const event = JSON.parse(result.stdout.trim());
    expect(event).toMatchObject({ type: 'ERROR', object: { kind: 'Status', code: 410, reason: 'Expired' } });
    expect(event.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it.each(['atkv3-admin-nonprod', 'atkv3-admin-prod', 'atkv3-dev', 'atgcp1-prod'])('serves logs of system pods on %s to client-node', async cluster => {
    const kc = client(cluster);
    const pods = await kc.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'kube-system' });
    const pod = pods.items.find((p: V1Pod) => p.status?.phase === 'Running')!;
    const out = new PassThrough();
    let text = '';
    out.on('data', d => (text += d));
    const done = new Promise(r => out.on('finish', r));
    await new Log(kc).log('kube-system', pod.metadata!.name!, pod.spec!.containers[0].name, out, { tailLines: 5 });
    await done;
    expect(text.trim().split('\n').length).toBeGreaterThan(1);
  });
});
