import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { attachWorld, DetachWorld } from '../scenario/attachWorld';
import { createMemorySim, MemorySim } from '../scenario/createMemorySim';
import { loadScenario } from '../scenario/loadScenario';
import { GkectlControl, runTool } from './runTool';

describe('gkectl and gkeadm against the demo fleet', () => {
  let sim: MemorySim;
  let detach: DetachWorld;
  let dir: string;
  let control: GkectlControl;

  beforeEach(async () => {
    const scenario = await loadScenario('demo');
    sim = createMemorySim(scenario.clusters);
    detach = await attachWorld(sim, scenario, { argoSyncMs: 10 });
    await sim.call('PUT', '/gkectl/behaviour', {
      durationMs: Object.fromEntries(['check-config', 'prepare', 'upgrade admin', 'upgrade cluster', 'upgrade admin-workstation'].map(c => [c, 0])),
      upgradeTiming: { controlPlaneMs: 5, drainMs: 5, replaceMs: 5, addonsMs: 5, timeoutMs: 20 },
    });
    control = {
      start: async req => (await sim.call('POST', '/gkectl/invocations', req)).body as never,
      finish: async (id, exitCode) => ((await sim.call('POST', `/gkectl/invocations/${id}/finish`, { exitCode })).body as { lines: string[] }).lines,
      progress: async id => (await sim.call('GET', `/gkectl/invocations/${id}/progress`)).body as never,
    };
    dir = await mkdtemp(join(tmpdir(), 'gkectl-'));
    const kubeconfig = (cluster: string) => stringify({ apiVersion: 'v1', kind: 'Config', 'current-context': cluster, contexts: [{ name: cluster, context: { cluster, user: cluster } }], clusters: [{ name: cluster, cluster: { server: 'https://127.0.0.1:1' } }], users: [{ name: cluster, user: { token: 't' } }] });
    await writeFile(join(dir, 'admin-nonprod.kubeconfig'), kubeconfig('atkv3-admin-nonprod'));
    await writeFile(join(dir, 'atkv3-dev.kubeconfig'), kubeconfig('atkv3-dev'));
    await writeFile(join(dir, 'aw.yaml'), stringify({ adminWorkstation: { name: 'atkv3-admin-ws' } }));
    await writeFile(join(dir, 'aw-info'), 'atkv3-admin-ws\n');
  });
  afterEach(() => detach());

  async function run(tool: 'gkectl' | 'gkeadm' | 'gcloud', ...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runTool(tool, argv, { cwd: dir, env: {}, stdout: l => out.push(l), stderr: l => err.push(l), sleep: ms => new Promise(r => setTimeout(r, Math.min(ms, 5))) }, control);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const userConfig = (name: string, version: string) => writeFile(join(dir, `${name}.yaml`), stringify({ apiVersion: 'v1', kind: 'UserCluster', name, gkeOnPremVersion: version }));
  const adminConfig = (version: string) => writeFile(join(dir, 'admin.yaml'), stringify({ apiVersion: 'v1', kind: 'AdminCluster', name: 'atkv3-admin-nonprod', gkeOnPremVersion: version }));
  const upgradeCluster = (name: string) => run('gkectl', 'upgrade', 'cluster', '--kubeconfig', 'admin-nonprod.kubeconfig', '--config', `${name}.yaml`);

  it('reports its version and the admin cluster with its user clusters', async () => {
    const r = await run('gkectl', 'version', '--kubeconfig', 'admin-nonprod.kubeconfig');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^gkectl version: 1\.30\.400-gke\.133/);
    expect(r.out).toContain('User cluster "atkv3-dev": 1.30.400-gke.133');
  });

  it('refuses an upgrade that skips a minor version, with Exit with error and a non-zero code', async () => {
    await userConfig('atkv3-dev', '1.32.100-gke.106');
    const r = await upgradeCluster('atkv3-dev');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^Exit with error:/);
    expect(r.err).toContain('skips minor version 1.31');
    expect(sim.cluster('atkv3-dev').kubernetesVersion()).toBe('v1.30.8-gke.1300');
  });

  it('upgrades an enrolled Controlplane V2 user cluster through the GKE On-Prem API (gcloud), with the same rules', async () => {
    detach.world.clusters.get('atkv3-admin-nonprod')!.platformVersion = '1.31.200-gke.59';
    detach.world.preparedBundles.get('atkv3-admin-nonprod')!.add('1.31.200-gke.59');
    detach.gkectl.workstations.get('atkv3-admin-ws')!.version = '1.31.200-gke.59';
    const upgrade = (cluster: string) => run('gcloud', 'container', 'vmware', 'clusters', 'upgrade', cluster, '--location=europe-north1', '--version=1.31.200-gke.59');
    const kubeception = await upgrade('atkv3-dev');
    expect(kubeception.code).not.toBe(0);
    expect(kubeception.err).toContain('kubeception');
    const r = await upgrade('atkv3-sandbox');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Upgrading VMware user cluster [atkv3-sandbox] in [europe-north1] to version [1.31.200-gke.59]');
    expect(sim.cluster('atkv3-sandbox').kubernetesVersion()).toBe('v1.31.5-gke.1300');
    expect(detach.gkectl.listInvocations().filter(i => i.tool === 'gcloud').map(i => [i.cluster, i.exitCode])).toEqual([
      ['atkv3-dev', 1],
      ['atkv3-sandbox', 0],
    ]);
  });

  it('refuses a kubeception user cluster for a 1.33 target', () => {
    const dev = detach.world.clusters.get('atkv3-dev')!;
    dev.platformVersion = '1.32.200-gke.104';
    expect(detach.gkectl.skewProblems('user', dev, '1.33.0-gke.799').join('\n')).toMatch(/kubeception control plane.*migrate it to Controlplane V2/);
    const sandbox = { ...detach.world.clusters.get('atkv3-sandbox')!, platformVersion: '1.32.200-gke.104' };
    expect(detach.gkectl.skewProblems('user', sandbox, '1.33.0-gke.799').join('\n')).not.toMatch(/kubeception/);
  });

  it('rejects the kubeconfig of a user cluster', async () => {
    await userConfig('atkv3-dev', '1.30.400-gke.133');
    const r = await run('gkectl', 'check-config', '--kubeconfig', 'atkv3-dev.kubeconfig', '--config', 'atkv3-dev.yaml', '--fast');
    expect(r.code).toBe(1);
    expect(r.err).toContain('not an admin cluster');
  });

  it('walks a 1.31 upgrade in the order the skew rules demand and changes the versions', async () => {
    await userConfig('atkv3-dev', '1.31.200-gke.59');
    await adminConfig('1.31.200-gke.59');
    // The workstation and bundle come first.
    const noGkectl = await run('gkectl', 'check-config', '--kubeconfig', 'admin-nonprod.kubeconfig', '--config', 'atkv3-dev.yaml');
    expect(noGkectl.code).toBe(1);
    expect(noGkectl.out).toContain('[FAILURE] gkectl 1.30.400-gke.133 is older than the target version');
    expect((await run('gkeadm', 'upgrade', 'gkeadm', '--target-version', '1.31.200-gke.59')).code).toBe(0);
    expect((await run('gkeadm', 'upgrade', 'admin-workstation', '--config', 'aw.yaml', '--info-file', 'aw-info')).code).toBe(0);
    expect(((await sim.call('GET', '/gkectl/workstations')).body as { workstations: { version: string }[] }).workstations[0].version).toBe('1.31.200-gke.59');
    expect((await run('gkectl', 'prepare', '--bundle-path', '/var/lib/gke/bundles/gke-onprem-vsphere-1.31.200-gke.59-full.tgz', '--kubeconfig', 'admin-nonprod.kubeconfig', '--skip-validation-all')).code).toBe(0);
    // From 1.31 the admin cluster goes before its user clusters.
    const userFirst = await upgradeCluster('atkv3-dev');
    expect(userFirst.code).toBe(1);
    expect(userFirst.err).toContain('upgrade the admin cluster first');
    const admin = await run('gkectl', 'upgrade', 'admin', '--kubeconfig', 'admin-nonprod.kubeconfig', '--config', 'admin.yaml');
    expect(admin.code).toBe(0);
    const user = await upgradeCluster('atkv3-dev');
    expect(user.code).toBe(0);
    expect(user.out).toContain('Done upgrading user cluster "atkv3-dev" to 1.31.200-gke.59');

    expect(sim.cluster('atkv3-dev').kubernetesVersion()).toBe('v1.31.5-gke.1300');
    expect(sim.cluster('atkv3-admin-nonprod').kubernetesVersion()).toBe('v1.31.5-gke.1300');
    const node = sim.cluster('atkv3-dev').store.list('v1', 'Node')[0];
    expect((node.status as { nodeInfo: { kubeletVersion: string } }).nodeInfo.kubeletVersion).toBe('v1.31.5-gke.1300');
    const onprem = sim.cluster('atkv3-admin-nonprod').store.get('onprem.cluster.gke.io/v1alpha1', 'OnPremUserCluster', 'kube-system', 'atkv3-dev');
    expect(onprem?.spec).toMatchObject({ gkeOnPremVersion: '1.31.200-gke.59' });
    expect(onprem?.status).toMatchObject({ state: 'RUNNING', version: '1.31.200-gke.59' });
    const adminObj = sim.cluster('atkv3-admin-nonprod').store.get('onprem.cluster.gke.io/v1alpha1', 'OnPremAdminCluster', 'kube-system', 'atkv3-admin-nonprod');
    expect(adminObj?.spec).toMatchObject({ gkeOnPremVersion: '1.31.200-gke.59' });
  });

  it('fails as configured, records the invocation, and succeeds when re-run', async () => {
    await userConfig('atkv3-test', '1.30.400-gke.133');
    await sim.call('PUT', '/gkectl/behaviour', { failures: [{ command: 'upgrade cluster', cluster: 'atkv3-test', exitCode: 2, message: 'timed out waiting for node pool "pool-1"', times: 1 }] });
    const failed = await upgradeCluster('atkv3-test');
    expect(failed.code).toBe(2);
    expect(failed.err).toBe('Exit with error:\ntimed out waiting for node pool "pool-1"');
    expect(sim.cluster('atkv3-test').kubernetesVersion()).toBe('v1.30.6-gke.1700');
    const onprem = sim.cluster('atkv3-admin-nonprod').store.get('onprem.cluster.gke.io/v1alpha1', 'OnPremUserCluster', 'kube-system', 'atkv3-test');
    expect(onprem?.status).toMatchObject({ state: 'ERROR' });
    const again = await upgradeCluster('atkv3-test');
    expect(again.code).toBe(0);
    expect(sim.cluster('atkv3-test').kubernetesVersion()).toBe('v1.30.8-gke.1300');
    const { invocations } = (await sim.call('GET', '/gkectl/invocations')).body as { invocations: { argv: string[]; exitCode: number; cluster: string; cwd: string; finishedAt: string }[] };
    expect(invocations.map(i => [i.cluster, i.exitCode])).toEqual([
      ['atkv3-test', 2],
      ['atkv3-test', 0],
    ]);
    expect(invocations[0]).toMatchObject({ argv: ['upgrade', 'cluster', '--kubeconfig', 'admin-nonprod.kubeconfig', '--config', 'atkv3-test.yaml'], cwd: dir, finishedAt: expect.any(String) });
  });
});
