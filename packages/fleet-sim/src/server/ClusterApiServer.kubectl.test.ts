import { ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetSim } from '../FleetSim';

type Result = { code: number; stdout: string; stderr: string };

describe('ClusterApiServer with kubectl', () => {
  let dir: string;
  let sim: FleetSim;
  let env: NodeJS.ProcessEnv;
  const children: ChildProcess[] = [];

  function kubectl(...args: string[]): Promise<Result> {
    return new Promise(resolve => {
      execFile('kubectl', args, { env, timeout: 20_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
      });
    });
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-kubectl-'));
    sim = await FleetSim.start({ clusters: [{ name: 'atkv3-dev', kubernetesVersion: 'v1.32.4-gke.100' }], dir });
    env = { ...process.env, KUBECONFIG: sim.kubeconfigPath, KUBECACHEDIR: join(dir, 'kube-cache') };
    const store = sim.cluster('atkv3-dev').store;
    store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
    store.put({
      apiVersion: 'skiperator.kartverket.no/v1alpha1',
      kind: 'Application',
      metadata: { name: 'web', namespace: 'team-a' },
      spec: { image: 'nginx', port: 8080 },
      status: { summary: { status: 'Synced', message: 'All subresources synced', timestamp: 'now' } },
    });
    store.put({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'web-1', namespace: 'team-a' },
      spec: { containers: [{ name: 'web', image: 'nginx' }] },
      status: { phase: 'Running', containerStatuses: [{ name: 'web', ready: true, restartCount: 2 }] },
    });
    for (let i = 1; i <= 5; i++) sim.cluster('atkv3-dev').logs.append('team-a', 'web-1', 'web', `line ${i}`);
  });

  afterAll(async () => {
    for (const child of children) child.kill();
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists Skiperator applications across namespaces with their status column', async () => {
    const result = await kubectl('get', 'applications.skiperator.kartverket.no', '-A');
    expect(result.stderr).toBe('');
    const [header, row] = result.stdout.trim().split('\n');
    expect(header.split(/\s+/)).toEqual(['NAMESPACE', 'NAME', 'STATUS', 'AGE']);
    expect(row.split(/\s+/).slice(0, 3)).toEqual(['team-a', 'web', 'Synced']);
  });

  it('prints pod columns and a NotFound error the way a real server makes kubectl print them', async () => {
    const pods = await kubectl('get', 'pods', '-n', 'team-a');
    expect(pods.stdout).toMatch(/web-1\s+1\/1\s+Running\s+2\s+/);
    const missing = await kubectl('get', 'deploy', 'nope', '-n', 'team-a');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toBe('Error from server (NotFound): deployments.apps "nope" not found');
  });

  it('streams changes to `kubectl get -w` as table rows', async () => {
    const child = spawn('kubectl', ['get', 'configmaps', '-n', 'team-a', '-w'], { env });
    children.push(child);
    let out = '';
    child.stdout.on('data', d => (out += d));
    const waitFor = async (re: RegExp) => {
      const deadline = Date.now() + 10_000;
      while (!re.test(out)) {
        if (Date.now() > deadline) throw new Error(`no ${re} in ${out}`);
        await new Promise(r => setTimeout(r, 25));
      }
    };
    const store = sim.cluster('atkv3-dev').store;
    store.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first', namespace: 'team-a' }, data: { a: '1' } });
    await waitFor(/first\s+1\s+/);
    store.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'second', namespace: 'team-a' }, data: { a: '1', b: '2' } });
    await waitFor(/second\s+2\s+/);
    expect(out.split('\n')[0].split(/\s+/)).toEqual(['NAME', 'DATA', 'AGE']);
    child.kill();
  });

  it('applies server-side: creates, reports a field manager conflict, then forces it', async () => {
    const file = join(dir, 'applied.yaml');
    const manifest = (value: string) =>
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\n  namespace: team-a\ndata:\n  k1: ${value}\n`;
    await writeFile(file, manifest('one'));
    const created = await kubectl('apply', '--server-side', '-f', file);
    expect(created.stdout.trim()).toBe('configmap/applied serverside-applied');

    await writeFile(file, manifest('two'));
    const conflicting = await kubectl('apply', '--server-side', '--field-manager', 'other', '-f', file);
    expect(conflicting.code).toBe(1);
    expect(conflicting.stderr).toContain('Apply failed with 1 conflict: conflict with "kubectl": .data.k1');

    const forced = await kubectl('apply', '--server-side', '--field-manager', 'other', '--force-conflicts', '-f', file);
    expect(forced.code).toBe(0);
    const stored = sim.cluster('atkv3-dev').store.get('v1', 'ConfigMap', 'team-a', 'applied')!;
    expect(stored.data).toEqual({ k1: 'two' });
    expect((stored.metadata.managedFields as { manager: string }[]).map(m => m.manager)).toEqual(['other']);
  });

  it('creates a namespace from kubectl\'s protobuf body', async () => {
    const result = await kubectl('create', 'namespace', 'made-by-kubectl');
    expect(result.stdout.trim()).toBe('namespace/made-by-kubectl created');
    expect(sim.cluster('atkv3-dev').store.get('v1', 'Namespace', undefined, 'made-by-kubectl')).toBeDefined();
    const again = await kubectl('create', 'namespace', 'made-by-kubectl');
    expect(again.stderr.trim()).toBe('Error from server (AlreadyExists): namespaces "made-by-kubectl" already exists');
  });

  it('tails pod logs', async () => {
    const result = await kubectl('logs', '-n', 'team-a', 'web-1', '--tail', '2');
    expect(result.stdout).toBe('line 4\nline 5\n');
  });
});
