import { ApiException, CoreV1Api, KubeConfig, KubernetesObjectApi, makeInformer, PatchStrategy, RbacAuthorizationV1Api, V1ConfigMap, V1RoleBinding } from '@kubernetes/client-node';
import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FleetSim } from '../FleetSim';

const cm = (name: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default', labels: { app: 'demo' } },
  data,
});

function rawGet(url: string, token: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { ca, headers: { Authorization: `Bearer ${token}` } }, res => {
        let body = '';
        res.on('data', c => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

async function eventually<T>(probe: () => T | undefined, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise(r => setTimeout(r, 25));
  }
}

describe('ClusterApiServer with @kubernetes/client-node', () => {
  let dir: string;
  let sim: FleetSim;
  let kc: KubeConfig;
  const stops: (() => void)[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-sim-cn-'));
    sim = await FleetSim.start({
      clusters: [
        { name: 'a', kubernetesVersion: 'v1.30.7-gke.1500' },
        { name: 'b', kubernetesVersion: 'v1.32.4' },
      ],
      dir,
    });
    kc = new KubeConfig();
    kc.loadFromFile(sim.kubeconfigPath);
    kc.setCurrentContext('a');
  }, 30_000);

  afterEach(async () => {
    for (const stop of stops.splice(0)) stop();
    await sim.setFaults('a', { down: false, expireResourceVersions: false, dropWatchesAfterMs: undefined, errorStatus: undefined });
  });

  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists typed objects through the written kubeconfig, filtered by label', async () => {
    const store = sim.cluster('a').store;
    store.put(cm('typed-1', { k: 'v' }));
    store.put({ ...cm('other', {}), metadata: { name: 'other', namespace: 'default', labels: { app: 'x' } } });
    const api = kc.makeApiClient(CoreV1Api);
    const list = await api.listNamespacedConfigMap({ namespace: 'default', labelSelector: 'app=demo' });
    expect(list.items.map(i => i.metadata?.name)).toContain('typed-1');
    expect(list.items.map(i => i.metadata?.name)).not.toContain('other');
    expect(list.items[0].metadata?.creationTimestamp).toBeInstanceOf(Date);
  });

  function startInformer() {
    const api = kc.makeApiClient(CoreV1Api);
    const counts = { lists: 0 };
    const informer = makeInformer<V1ConfigMap>(kc, '/api/v1/namespaces/default/configmaps', () => {
      counts.lists++;
      return api.listNamespacedConfigMap({ namespace: 'default' });
    });
    const seen = new Map<string, string | undefined>();
    const errors: unknown[] = [];
    const record = (o: V1ConfigMap) => seen.set(o.metadata!.name!, o.data?.k);
    informer.on('add', record);
    informer.on('update', record);
    informer.on('error', e => errors.push(e));
    stops.push(() => void informer.stop());
    return { informer, seen, errors, counts };
  }

  it('keeps an informer up to date by list then watch', async () => {
    const store = sim.cluster('a').store;
    store.put(cm('inf-1', { k: 'before' }));
    const { informer, seen } = startInformer();
    await informer.start();
    expect(seen.get('inf-1')).toBe('before');
    await new Promise(r => setTimeout(r, 200));
    store.put(cm('inf-1', { k: 'after' }));
    await eventually(() => seen.get('inf-1') === 'after');
  });

  it('lets an informer recover from expired resource versions by relisting', async () => {
    const store = sim.cluster('a').store;
    const { informer, seen, errors, counts } = startInformer();
    await informer.start();
    await new Promise(r => setTimeout(r, 200));
    // Cut the watch: the informer re-watches from its RV, gets 410 and must relist to see this.
    await sim.setFaults('a', { expireResourceVersions: true, dropWatchesAfterMs: 0 });
    await new Promise(r => setTimeout(r, 100));
    store.put(cm('expired-1', { k: 'relisted' }));
    await eventually(() => seen.get('expired-1') === 'relisted');
    expect(counts.lists).toBeGreaterThan(1);
    await sim.setFaults('a', { expireResourceVersions: false, dropWatchesAfterMs: undefined });
    store.put(cm('expired-1', { k: 'watched-again' }));
    await eventually(() => seen.get('expired-1') === 'watched-again');
    expect(errors).toEqual([]);
  });

  it('lets an informer survive dropped watches', async () => {
    const store = sim.cluster('a').store;
    const { informer, seen, errors, counts } = startInformer();
    await informer.start();
    await sim.setFaults('a', { dropWatchesAfterMs: 100 });
    await new Promise(r => setTimeout(r, 300));
    store.put(cm('dropped-1', { k: 'seen' }));
    await eventually(() => seen.get('dropped-1') === 'seen');
    expect(errors).toEqual([]);
    // Resumed from its resourceVersion, not relisted.
    expect(counts.lists).toBe(1);
  });

  it('answers a wrong token with 401 and a Status', async () => {
    const bad = new KubeConfig();
    bad.loadFromOptions({
      clusters: kc.clusters,
      users: [{ name: 'intruder', token: 'wrong' }],
      contexts: [{ name: 'intruder', cluster: 'a', user: 'intruder' }],
      currentContext: 'intruder',
    });
    const error = await bad
      .makeApiClient(CoreV1Api)
      .listNamespace()
      .catch(e => e);
    expect(error).toBeInstanceOf(ApiException);
    expect(error.code).toBe(401);
    // The typed client drops 401 bodies; read the raw answer too.
    const raw = await rawGet(`${sim.cluster('a').url}/api/v1/namespaces`, 'wrong', sim.caPem);
    expect(raw.status).toBe(401);
    expect(JSON.parse(raw.body)).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('refuses connections to a down cluster while another cluster answers, and comes back on the same port', async () => {
    const url = sim.cluster('a').url;
    await sim.setFaults('a', { down: true });
    const apiA = kc.makeApiClient(CoreV1Api);
    const error = await apiA.listNamespace().catch(e => e);
    expect(JSON.stringify(error, Object.getOwnPropertyNames(error)) + String(error?.cause?.code)).toMatch(/ECONNREFUSED/);

    const kcB = new KubeConfig();
    kcB.loadFromFile(sim.kubeconfigPath);
    kcB.setCurrentContext('b');
    const namespaces = await kcB.makeApiClient(CoreV1Api).listNamespace();
    expect(namespaces.items.map(n => n.metadata?.name)).toContain('default');

    await sim.setFaults('a', { down: false });
    expect(sim.cluster('a').url).toBe(url);
    expect((await apiA.listNamespace()).items.length).toBeGreaterThan(0);
  });

  it('serves the bootstrap RBAC and applies, refuses a roleRef change to and deletes a RoleBinding as the access plugin does', async () => {
    const rbac = kc.makeApiClient(RbacAuthorizationV1Api);
    const roles = await rbac.listClusterRole({ labelSelector: 'kubernetes.io/bootstrapping=rbac-defaults' });
    expect(roles.items.map(r => r.metadata?.name)).toEqual(expect.arrayContaining(['admin', 'cluster-admin', 'edit', 'view']));
    const crb = await rbac.readClusterRoleBinding({ name: 'cluster-admin' });
    expect(crb.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:masters' }]);

    const objects = KubernetesObjectApi.makeApiClient(kc);
    const manifest = (role: string, group: string): V1RoleBinding => ({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'portal-edit', namespace: 'default', labels: { 'app.kubernetes.io/managed-by': 'skip-portal' } },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role },
      subjects: [{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: group }],
    });
    const created = (await objects.patch(manifest('edit', 'team-a'), undefined, undefined, 'skip-access', true, PatchStrategy.ServerSideApply)) as V1RoleBinding;
    const again = (await objects.patch(manifest('edit', 'team-a'), undefined, undefined, 'skip-access', true, PatchStrategy.ServerSideApply)) as V1RoleBinding;
    expect(again.metadata?.resourceVersion).toBe(created.metadata?.resourceVersion);

    const invalid = await objects.patch(manifest('admin', 'team-a'), undefined, undefined, 'skip-access', true, PatchStrategy.ServerSideApply).catch(e => e);
    expect(invalid.code).toBe(422);
    expect(JSON.parse(invalid.body)).toMatchObject({ reason: 'Invalid', message: expect.stringContaining('roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"admin"}: cannot change roleRef') });

    const ours = await rbac.listRoleBindingForAllNamespaces({ labelSelector: 'app.kubernetes.io/managed-by=skip-portal' });
    expect(ours.items.map(b => b.metadata?.name)).toEqual(['portal-edit']);

    await objects.patch(manifest('edit', 'team-b'), undefined, undefined, 'skip-access', true, PatchStrategy.ServerSideApply);
    const stale = await rbac
      .deleteNamespacedRoleBinding({ name: 'portal-edit', namespace: 'default', body: { preconditions: { resourceVersion: created.metadata!.resourceVersion } } })
      .catch(e => e);
    expect(stale.code).toBe(409);
    expect(JSON.parse(stale.body).message).toContain('the ResourceVersion in the precondition');
    const current = await rbac.readNamespacedRoleBinding({ name: 'portal-edit', namespace: 'default' });
    await rbac.deleteNamespacedRoleBinding({ name: 'portal-edit', namespace: 'default', body: { preconditions: { resourceVersion: current.metadata!.resourceVersion, uid: current.metadata!.uid } } });
    const gone = await rbac.readNamespacedRoleBinding({ name: 'portal-edit', namespace: 'default' }).catch(e => e);
    expect(gone.code).toBe(404);
  });

  it('answers every request with the injected error status', async () => {
    await sim.setFaults('a', { errorStatus: 503 });
    const error = await kc.makeApiClient(CoreV1Api).listNamespace().catch(e => e);
    expect(error.code).toBe(503);
  });
});
