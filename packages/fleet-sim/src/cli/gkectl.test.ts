import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { FleetSim } from '../FleetSim';
import { attachWorld, DetachWorld } from '../scenario/attachWorld';
import { loadScenario } from '../scenario/loadScenario';

const run = promisify(execFile);
const BIN = resolve(__dirname, '../../bin/gkectl');

describe('bin/gkectl as a process', () => {
  let sim: FleetSim;
  let detach: DetachWorld;
  let dir: string;

  beforeAll(async () => {
    const scenario = await loadScenario('demo');
    dir = await mkdtemp(join(tmpdir(), 'gkectl-bin-'));
    sim = await FleetSim.start({ clusters: scenario.clusters.map(c => ({ name: c.name, kubernetesVersion: c.kubernetesVersion })), dir });
    detach = await attachWorld(sim, scenario);
    const kubeconfig = parse(await readFile(sim.kubeconfigPath, 'utf8'));
    await writeFile(join(dir, 'admin.kubeconfig'), stringify({ ...kubeconfig, 'current-context': 'atkv3-admin-nonprod' }));
    await writeFile(join(dir, 'user-cluster.yaml'), stringify({ apiVersion: 'v1', kind: 'UserCluster', name: 'atkv3-test', gkeOnPremVersion: '1.30.400-gke.133' }));
  }, 30000);
  afterAll(async () => {
    detach();
    await sim.stop();
  });

  const gkectl = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run(BIN, args, { cwd: dir, env: { ...process.env, FLEET_SIM_CONTROL_URL: sim.controlUrl } });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };

  it('upgrades a user cluster and the API server reports the new version', async () => {
    await fetch(`${sim.controlUrl}/gkectl/behaviour`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ durationMs: { 'upgrade cluster': 50 } }) });
    const r = await gkectl('upgrade', 'cluster', '--kubeconfig', 'admin.kubeconfig', '--config', 'user-cluster.yaml', '--skip-validation-all');
    expect(r.stdout).toContain('Upgrading user cluster "atkv3-test" from 1.30.300-gke.84 to 1.30.400-gke.133...');
    expect(r.code).toBe(0);
    expect(sim.cluster('atkv3-test').kubernetesVersion()).toBe('v1.30.8-gke.1300');
    const invocations = (await (await fetch(`${sim.controlUrl}/gkectl/invocations`)).json()) as { invocations: { exitCode: number; cwd: string }[] };
    expect(invocations.invocations).toEqual([expect.objectContaining({ exitCode: 0, cwd: dir })]);
  }, 30000);

  it('exits non-zero with Exit with error when the config file is missing', async () => {
    const r = await gkectl('check-config', '--kubeconfig', 'admin.kubeconfig', '--config', 'nope.yaml');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Exit with error:\nfailed to read file .*nope\.yaml/);
  }, 30000);
});
