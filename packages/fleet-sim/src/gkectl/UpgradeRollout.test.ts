import { CoreV1Api, CustomObjectsApi, KubeConfig, V1Node, VersionApi, Watch } from '@kubernetes/client-node';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { FleetSim } from '../FleetSim';
import { startFleetSim } from '../startFleetSim';
import { httpControl, runTool } from './runTool';

type NodeView = { name: string; ready: string; unschedulable: boolean; kubelet: string };

const view = (n: V1Node): NodeView => ({
  name: n.metadata!.name!,
  ready: n.status?.conditions?.find(c => c.type === 'Ready')?.status ?? '',
  unschedulable: !!n.spec?.unschedulable,
  kubelet: n.status?.nodeInfo?.kubeletVersion ?? '',
});

describe('gkectl upgrades moving over time, observed through the API', () => {
  let dir: string;
  let sim: FleetSim;
  const aborts: (() => void)[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-upgrade-'));
    sim = await startFleetSim({ scenario: 'demo', dir });
    for (const admin of ['atkv3-admin-nonprod', 'atkv3-admin-prod']) {
      await writeFile(join(dir, `${admin}.kubeconfig`), stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': admin, contexts: [{ name: admin, context: { cluster: admin, user: admin } }], clusters: [{ name: admin, cluster: { server: 'https://127.0.0.1:1' } }], users: [{ name: admin, user: { token: 't' } }] }));
    }
    await fetch(`${sim.controlUrl}/gkectl/behaviour`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ durationMs: { prepare: 0 }, upgradeTiming: { controlPlaneMs: 40, drainMs: 30, replaceMs: 50, addonsMs: 20, timeoutMs: 300 } }),
    });
  }, 30_000);

  afterEach(() => {
    for (const abort of aborts.splice(0)) abort();
  });

  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function client(cluster: string): KubeConfig {
    const kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext(cluster);
    return kc;
  }

  async function gkectl(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io = { cwd: dir, env: {}, stdout: (l: string) => out.push(l), stderr: (l: string) => err.push(l), sleep: (ms: number) => new Promise<void>(r => setTimeout(r, Math.min(ms, 20))) };
    const code = await runTool('gkectl', argv, io, httpControl(sim.controlUrl));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  /** Every node snapshot the cluster's node watch delivers while `during` runs. */
  async function watchNodes(cluster: string): Promise<NodeView[][]> {
    const kc = client(cluster);
    const list = await kc.makeApiClient(CoreV1Api).listNode();
    const current = new Map(list.items.map(n => [n.metadata!.name!, view(n)]));
    const snapshots: NodeView[][] = [[...current.values()]];
    const controller = await new Watch(kc).watch('/api/v1/nodes', { resourceVersion: list.metadata!.resourceVersion }, (_type, node: V1Node) => {
      current.set(node.metadata!.name!, view(node));
      snapshots.push([...current.values()]);
    }, () => {});
    aborts.push(() => controller.abort());
    return snapshots;
  }

  async function watchStates(admin: string, plural: string): Promise<string[]> {
    const states: string[] = [];
    const controller = await new Watch(client(admin)).watch(`/apis/onprem.cluster.gke.io/v1alpha1/${plural}`, {}, (_type, obj: { status?: { state?: string } }) => {
      states.push(obj.status?.state ?? '');
    }, () => {});
    aborts.push(() => controller.abort());
    return states;
  }

  async function onPremState(admin: string, plural: string, name: string) {
    const obj = (await client(admin).makeApiClient(CustomObjectsApi).getNamespacedCustomObject({ group: 'onprem.cluster.gke.io', version: 'v1alpha1', namespace: 'kube-system', plural, name })) as { spec: { gkeOnPremVersion: string }; status: { state: string; version: string } };
    return { state: obj.status.state, version: obj.status.version, specVersion: obj.spec.gkeOnPremVersion };
  }

  async function podImages(cluster: string, namespace: string, component: string): Promise<string[]> {
    const pods = await client(cluster).makeApiClient(CoreV1Api).listNamespacedPod({ namespace });
    return pods.items.filter(p => p.metadata!.name!.startsWith(component)).map(p => p.spec!.containers[0].image!);
  }

  /** The end state every successful upgrade leaves, whether it ran once or was re-run. */
  async function expectUpgraded(cluster: string, kubernetesVersion: string) {
    const nodes = (await client(cluster).makeApiClient(CoreV1Api).listNode()).items.map(view);
    expect(nodes.every(n => n.ready === 'True' && !n.unschedulable && n.kubelet === kubernetesVersion)).toBe(true);
    expect((await client(cluster).makeApiClient(VersionApi).getCode()).gitVersion).toBe(kubernetesVersion);
  }

  function notReadyCounts(snapshots: NodeView[][]): number[] {
    return snapshots.map(s => s.filter(n => n.ready !== 'True').length);
  }

  it('moves a kubeception user cluster: UPGRADING, control plane in the admin cluster, nodes one at a time, RUNNING', async () => {
    const nodes = await watchNodes('atkv3-test');
    const states = await watchStates('atkv3-admin-nonprod', 'onpremuserclusters');
    expect(await podImages('atkv3-admin-nonprod', 'atkv3-test', 'kube-apiserver')).toEqual(['gcr.io/gke-on-prem-release/kube-apiserver:v1.30.6-gke.1700']);
    await writeFile(join(dir, 'atkv3-test.yaml'), stringify({ apiVersion: 'v1', kind: 'UserCluster', name: 'atkv3-test', gkeOnPremVersion: '1.30.400-gke.133' }));

    const run = await gkectl('upgrade', 'cluster', '--kubeconfig', 'atkv3-admin-nonprod.kubeconfig', '--config', 'atkv3-test.yaml');

    expect(run.code).toBe(0);
    expect(run.out).toContain('Upgrading user cluster control plane...');
    expect(run.out).toContain('Done upgrading user cluster "atkv3-test" to 1.30.400-gke.133');
    expect(await podImages('atkv3-admin-nonprod', 'atkv3-test', 'kube-apiserver')).toEqual(['gcr.io/gke-on-prem-release/kube-apiserver:v1.30.8-gke.1300']);
    await expectUpgraded('atkv3-test', 'v1.30.8-gke.1300');
    // Each of the 4 nodes was cordoned, then NotReady, alone, once.
    expect(Math.max(...notReadyCounts(nodes))).toBe(1);
    for (const name of nodes[0].map(n => n.name)) {
      const history = nodes.map(s => s.find(n => n.name === name)!);
      const firstDown = history.findIndex(n => n.ready !== 'True');
      expect(firstDown).toBeGreaterThan(0);
      expect(history[firstDown - 1].unschedulable).toBe(true);
    }
    expect(states).toContain('UPGRADING');
    expect(states[states.length - 1]).toBe('RUNNING');
    expect(await onPremState('atkv3-admin-nonprod', 'onpremuserclusters', 'atkv3-test')).toEqual({ state: 'RUNNING', version: '1.30.400-gke.133', specVersion: '1.30.400-gke.133' });
  });

  it('stops at a failed preflight or a node that never becomes Ready, and a re-run completes to the same end state', async () => {
    await writeFile(join(dir, 'admin-prod.yaml'), stringify({ apiVersion: 'v1', kind: 'AdminCluster', name: 'atkv3-admin-prod', gkeOnPremVersion: '1.30.400-gke.133' }));
    const upgradeAdmin = () => gkectl('upgrade', 'admin', '--kubeconfig', 'atkv3-admin-prod.kubeconfig', '--config', 'admin-prod.yaml');
    expect((await gkectl('prepare', '--bundle-path', '/var/lib/gke/bundles/gke-onprem-vsphere-1.30.400-gke.133-full.tgz', '--kubeconfig', 'atkv3-admin-prod.kubeconfig')).code).toBe(0);
    const fail = (failure: object) => fetch(`${sim.controlUrl}/gkectl/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ failures: [{ command: 'upgrade admin', exitCode: 1, times: 1, ...failure }] }) });

    await fail({ step: 'preflight', message: 'vCenter datastore "ds-prod" has less than 20 GiB free' });
    const refused = await upgradeAdmin();
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('[FAILURE] vCenter datastore "ds-prod" has less than 20 GiB free');
    expect((await onPremState('atkv3-admin-prod', 'onpremadminclusters', 'atkv3-admin-prod')).state).toBe('RUNNING');

    await fail({ step: 'node', node: 1, message: 'timed out waiting for node to become ready' });
    const nodes = await watchNodes('atkv3-admin-prod');
    const failed = await upgradeAdmin();
    expect(failed.code).toBe(1);
    expect(failed.err).toBe('Exit with error:\ntimed out waiting for node to become ready');
    expect(await onPremState('atkv3-admin-prod', 'onpremadminclusters', 'atkv3-admin-prod')).toMatchObject({ state: 'ERROR', version: '1.30.300-gke.84' });
    // Controlplane V2: the admin cluster's own control plane moved first, in its kube-system.
    expect(await podImages('atkv3-admin-prod', 'kube-system', 'kube-apiserver')).toEqual(['gcr.io/gke-on-prem-release/kube-apiserver:v1.30.8-gke.1300']);
    const stuck = nodes[nodes.length - 1];
    expect(stuck.map(n => [n.ready, n.kubelet])).toEqual([
      ['True', 'v1.30.8-gke.1300'],
      ['Unknown', 'v1.30.6-gke.1700'],
      ['True', 'v1.30.6-gke.1700'],
    ]);

    const again = await upgradeAdmin();
    expect(again.code).toBe(0);
    await expectUpgraded('atkv3-admin-prod', 'v1.30.8-gke.1300');
    expect(await onPremState('atkv3-admin-prod', 'onpremadminclusters', 'atkv3-admin-prod')).toEqual({ state: 'RUNNING', version: '1.30.400-gke.133', specVersion: '1.30.400-gke.133' });
    // The re-run skipped the node that was already done.
    expect(Math.max(...notReadyCounts(nodes))).toBe(1);
  });
});
