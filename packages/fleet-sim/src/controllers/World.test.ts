import { attachWorld, DetachWorld } from '../scenario/attachWorld';
import { createMemorySim, MemorySim } from '../scenario/createMemorySim';
import { loadScenario, parseScenario } from '../scenario/loadScenario';
import { KubeObject } from '../store/types';

const ARGO = 'argoproj.io/v1alpha1';
const SKIP = 'skiperator.kartverket.no/v1alpha1';

async function waitFor<T>(probe: () => T | undefined | false, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(r => setTimeout(r, 10));
  }
}

type Status = Record<string, any>;
const status = (o: KubeObject | undefined) => (o?.status ?? {}) as Status;

describe('the demo world', () => {
  let sim: MemorySim;
  let detach: DetachWorld;

  beforeAll(async () => {
    const scenario = await loadScenario('demo');
    sim = createMemorySim(scenario.clusters);
    detach = await attachWorld(sim, scenario, { argoSyncMs: 30 });
  });
  afterAll(() => detach());

  const argoApp = (instanceCluster: string, name: string) => sim.cluster(instanceCluster).store.get(ARGO, 'Application', 'argocd', name);

  it('runs a Skiperator Application as labelled, owned resources with a v2.18 status', () => {
    const store = sim.cluster('atkv3-dev').store;
    const app = store.get(SKIP, 'Application', 'seeiendom-frontend-main', 'seeiendom-frontend')!;
    const expected: [string, string, string][] = [
      ['apps/v1', 'Deployment', 'seeiendom-frontend'],
      ['v1', 'Service', 'seeiendom-frontend'],
      ['v1', 'ServiceAccount', 'seeiendom-frontend'],
      ['autoscaling/v2', 'HorizontalPodAutoscaler', 'seeiendom-frontend'],
      ['networking.k8s.io/v1', 'NetworkPolicy', 'seeiendom-frontend'],
      ['security.istio.io/v1', 'PeerAuthentication', 'seeiendom-frontend'],
      ['security.istio.io/v1', 'AuthorizationPolicy', 'seeiendom-frontend-deny'],
      ['networking.istio.io/v1', 'VirtualService', 'seeiendom-frontend-ingress'],
    ];
    for (const [apiVersion, kind, name] of expected) {
      const owned = store.get(apiVersion, kind, 'seeiendom-frontend-main', name);
      expect(owned?.metadata.labels).toMatchObject({
        'app.kubernetes.io/managed-by': 'skiperator',
        'skiperator.kartverket.no/controller': 'application',
        'application.skiperator.no/app-name': 'seeiendom-frontend',
      });
      expect(owned?.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'Application', name: 'seeiendom-frontend', uid: app.metadata.uid, controller: true })]);
    }
    expect(store.list('networking.istio.io/v1', 'Gateway', 'seeiendom-frontend-main')).toHaveLength(1);
    const s = status(app);
    expect(s.summary.status).toBe('Synced');
    expect(s.summary.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{9} \+0000 UTC$/);
    expect(Object.keys(s.subresources)).toEqual(expect.arrayContaining(['Deployment[seeiendom-frontend]', 'Service[seeiendom-frontend]']));
    expect(s.conditions).toEqual([expect.objectContaining({ type: 'Ready', status: 'True', reason: 'Reconciled' })]);
    expect(s.applicationKind).toBe('Deployment');
    const pods = store.list('v1', 'Pod', 'seeiendom-frontend-main');
    expect(pods).toHaveLength(2);
    expect(sim.cluster('atkv3-dev').logs.read('seeiendom-frontend-main', pods[0].metadata.name, 'seeiendom-frontend').length).toBeGreaterThan(0);
    expect(store.get('v1', 'Namespace', undefined, 'seeiendom-frontend-main')?.metadata.labels).toMatchObject({ team: 'seeiendom' });
  });

  it('has the bootstrap RBAC and the hand-made bindings the portal did not create', async () => {
    const RBAC = 'rbac.authorization.k8s.io/v1';
    const names = [...sim.clusters.keys()];
    for (const name of names) {
      const store = sim.cluster(name).store;
      expect(store.get(RBAC, 'ClusterRoleBinding', undefined, 'cluster-admin')?.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'system:masters' }]);
      expect(store.get(RBAC, 'ClusterRole', undefined, 'view')).toBeDefined();
    }
    const withPlatformAdmins = names.filter(n => sim.cluster(n).store.get(RBAC, 'ClusterRoleBinding', undefined, 'platform-admins'));
    expect(withPlatformAdmins.sort()).toEqual(names.filter(n => !n.includes('-admin-')).sort());
    for (const name of withPlatformAdmins) {
      const platformAdmins = sim.cluster(name).store.get(RBAC, 'ClusterRoleBinding', undefined, 'platform-admins');
      expect(platformAdmins?.metadata.labels).toEqual({ 'app.kubernetes.io/managed-by': 'terraform' });
      expect(platformAdmins?.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
      expect(platformAdmins?.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'aad-tf-team-skip@kartverket.no' }]);
      expect(platformAdmins?.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'HashiCorp', operation: 'Update' })]);
    }
    // seeiendom keeps a RoleBinding in its apps repo: Argo CD syncs it and tracks it with the app.
    const dev = sim.cluster('atkv3-dev').store;
    const rb = await waitFor(() => dev.get(RBAC, 'RoleBinding', 'seeiendom-api-main', 'namespace-admin'));
    expect(rb.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
    expect(rb.subjects).toEqual([{ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name: 'aad-tf-team-seeiendom@kartverket.no' }]);
    expect(rb.metadata.labels?.['app.kubernetes.io/managed-by']).toBeUndefined();
    expect(rb.metadata.annotations).toEqual({ 'argocd.argoproj.io/tracking-id': 'atkv3-dev-seeiendom-api-main:rbac.authorization.k8s.io/RoleBinding:seeiendom-api-main/namespace-admin' });
    const argo = status(argoApp('atgcp1-dev', 'atkv3-dev-seeiendom-api-main'));
    expect(argo.sync.status).toBe('Synced');
    expect(argo.resources).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'RoleBinding', name: 'namespace-admin', status: 'Synced' })]));
    expect(sim.cluster('atkv3-test').store.list(RBAC, 'RoleBinding')).toEqual([]);
  });

  it('has no Ready condition on a cluster running Skiperator older than v2.18', () => {
    const app = sim.cluster('atkv3-prod').store.get(SKIP, 'Application', 'seeiendom-api-main', 'seeiendom-api');
    expect(status(app).summary.status).toBe('Synced');
    expect(status(app).conditions).toEqual([]);
  });

  it('shows the bad image as ImagePullBackOff pods, Warning events, proxy logs and a Degraded Argo CD app', () => {
    const cluster = sim.cluster('atkv3-dev');
    const pods = cluster.store.list('v1', 'Pod', 'matrikkel-api-main');
    expect(pods.length).toBeGreaterThan(0);
    const reasons = pods.map(p => status(p).containerStatuses[0].state.waiting.reason);
    expect(reasons).toEqual(expect.arrayContaining(['ImagePullBackOff', 'ErrImagePull']));
    expect(status(pods[0]).containerStatuses[0]).toMatchObject({ ready: false, restartCount: 0 });
    const events = cluster.store.list('v1', 'Event', 'matrikkel-api-main').filter(e => e.type === 'Warning' && e.reason === 'Failed');
    expect(events.map(e => (e.involvedObject as { name: string }).name)).toContain(pods[0].metadata.name);
    expect(cluster.logs.read('matrikkel-api-main', pods[0].metadata.name, 'istio-proxy').join('\n')).toMatch(/image can't be pulled/);
    const skip = cluster.store.get(SKIP, 'Application', 'matrikkel-api-main', 'matrikkel-api');
    expect(status(skip).conditions[0]).toMatchObject({ type: 'Ready', status: 'False', reason: 'ContainerImageNotFound' });
    const argo = status(argoApp('atgcp1-dev', 'atkv3-dev-matrikkel-api-main'));
    expect(argo.health.status).toBe('Degraded');
    expect(argo.sync.status).toBe('Synced');
    expect(argo.sync.revision).toMatch(/^[0-9a-f]{40}$/);
    expect(argo.resources).toEqual([expect.objectContaining({ group: 'skiperator.kartverket.no', kind: 'Application', name: 'matrikkel-api', status: 'Synced', health: expect.objectContaining({ status: 'Degraded' }) })]);
  });

  it('writes error logs and a previous log for the crash-looping app', () => {
    const cluster = sim.cluster('atgcp1-sandbox');
    const pod = cluster.store.list('v1', 'Pod', 'nrl-register-main')[0];
    expect(status(pod).containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    expect(status(pod).containerStatuses[0].restartCount).toBeGreaterThan(0);
    expect(cluster.logs.read('nrl-register-main', pod.metadata.name, 'nrl-register').join('\n')).toMatch(/ERROR/);
    expect(cluster.logs.hasPrevious('nrl-register-main', pod.metadata.name, 'nrl-register')).toBe(true);
  });

  it('leaves the manual-sync prod app OutOfSync until an operation.sync runs, then records it', async () => {
    const store = sim.cluster('atgcp1-prod').store;
    const name = 'atkv3-prod-geonorge-download-main';
    const before = argoApp('atgcp1-prod', name)!;
    expect(status(before).sync.status).toBe('OutOfSync');
    expect(status(before).health.status).toBe('Healthy');
    store.put({ ...before, operation: { sync: { revision: status(before).sync.revision }, initiatedBy: { username: 'someone@kartverket.no' } } });
    const running = argoApp('atgcp1-prod', name)!;
    expect(status(running).operationState.phase).toBe('Running');
    expect(running.operation).toBeUndefined();
    const done = await waitFor(() => {
      const a = argoApp('atgcp1-prod', name);
      return status(a).operationState?.phase === 'Succeeded' && a;
    });
    expect(status(done).sync.status).toBe('Synced');
    expect(status(done).history).toHaveLength(2);
    expect(status(done).operationState.syncResult.revision).toBe(status(before).sync.revision);
    expect(status(done).operationState.operation.initiatedBy).toEqual({ username: 'someone@kartverket.no' });
    const live = sim.cluster('atkv3-prod').store.get(SKIP, 'Application', 'geonorge-download-main', 'geonorge-download');
    expect((live?.spec as { image: string }).image).toBe('ghcr.io/kartverket/geonorge-download:3.0.1');
  });

  it('re-reads the apps repo on a refresh annotation and removes the annotation', () => {
    const store = sim.cluster('atgcp1-prod').store;
    const name = 'atkv3-prod-seeiendom-api-main';
    const repo = detach.world.repo('seeiendom');
    const dir = repo.directory('env/atkv3-prod/seeiendom-api-main')!;
    // A commit Argo CD has not been told about (no webhook): only a refresh notices it.
    repo.putDirectory('atkv3-prod', 'seeiendom-api-main', [{ ...dir.manifests[0], spec: { ...(dir.manifests[0].spec as object), image: 'ghcr.io/kartverket/seeiendom-api:1.8.0' } }], dir.config);
    const before = argoApp('atgcp1-prod', name)!;
    expect(status(before).sync.status).toBe('Synced');
    store.put({ ...before, metadata: { ...before.metadata, annotations: { 'argocd.argoproj.io/refresh': 'hard' } } });
    const after = argoApp('atgcp1-prod', name)!;
    expect(after.metadata.annotations?.['argocd.argoproj.io/refresh']).toBeUndefined();
    expect(status(after).sync).toMatchObject({ status: 'OutOfSync', revision: repo.head() });
  });

  it('creates an Application, namespace and workload when a directory is added to the apps repo', async () => {
    detach.world.addAppsRepoDirectory('seeiendom', 'atkv3-dev', 'seeiendom-api-pr-7', {
      apiVersion: SKIP,
      kind: 'Application',
      metadata: { name: 'seeiendom-api' },
      spec: { image: 'ghcr.io/kartverket/seeiendom-api:pr-7', port: 8080, replicas: 1 },
    });
    const app = argoApp('atgcp1-dev', 'atkv3-dev-seeiendom-api-pr-7');
    expect(app?.spec).toMatchObject({
      project: 'seeiendom',
      destination: { name: 'atkv3-dev', namespace: 'seeiendom-api-pr-7' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
    });
    const healthy = await waitFor(() => {
      const a = argoApp('atgcp1-dev', 'atkv3-dev-seeiendom-api-pr-7');
      return status(a).health?.status === 'Healthy' && status(a).sync?.status === 'Synced' && a;
    });
    expect(status(healthy).history).toHaveLength(1);
    const dest = sim.cluster('atkv3-dev').store;
    expect(dest.get('v1', 'Namespace', undefined, 'seeiendom-api-pr-7')?.metadata.labels?.team).toBe('seeiendom');
    expect(dest.get('apps/v1', 'Deployment', 'seeiendom-api-pr-7', 'seeiendom-api')).toBeDefined();
  });

  it('deletes the Application and prunes its workload when the directory is removed', async () => {
    expect(argoApp('atgcp1-dev', 'atkv3-sandbox-seeiendom-frontend-feature-123')).toBeDefined();
    expect(detach.world.removeAppsRepoDirectory('seeiendom', 'atkv3-sandbox', 'seeiendom-frontend-feature-123')).toBe(true);
    expect(argoApp('atgcp1-dev', 'atkv3-sandbox-seeiendom-frontend-feature-123')).toBeUndefined();
    const dest = sim.cluster('atkv3-sandbox').store;
    expect(dest.get(SKIP, 'Application', 'seeiendom-frontend-feature-123', 'seeiendom-frontend')).toBeUndefined();
    expect(dest.list('apps/v1', 'Deployment', 'seeiendom-frontend-feature-123')).toEqual([]);
    expect(dest.list('v1', 'Pod', 'seeiendom-frontend-feature-123')).toEqual([]);
  });

  it('refuses to sync a directory whose namespace is outside the team prefix', async () => {
    detach.world.addAppsRepoDirectory('nrl', 'atkv3-dev', 'matrikkel-stolen', {
      apiVersion: SKIP,
      kind: 'Application',
      metadata: { name: 'thief' },
      spec: { image: 'ghcr.io/kartverket/thief:1', replicas: 1 },
    });
    const app = argoApp('atgcp1-dev', 'atkv3-dev-matrikkel-stolen');
    expect(status(app).conditions).toEqual([expect.objectContaining({ type: 'InvalidSpecError' })]);
    expect(sim.cluster('atkv3-dev').store.get('v1', 'Namespace', undefined, 'matrikkel-stolen')).toBeUndefined();
  });
});

describe('a team onboarded at run time', () => {
  const REPO = 'https://github.com/kartverket/newteam-apps.git';
  const project = (sourceRepos: string[]): KubeObject => ({
    apiVersion: ARGO,
    kind: 'AppProject',
    metadata: { name: 'newteam', namespace: 'argocd' },
    spec: { sourceRepos, destinations: [{ name: 'gke-dev', namespace: 'newteam-*' }], clusterResourceWhitelist: [{ group: '', kind: 'Namespace' }] },
  });
  const appSet: KubeObject = {
    apiVersion: ARGO,
    kind: 'ApplicationSet',
    metadata: { name: 'newteam', namespace: 'argocd' },
    spec: {
      goTemplate: true,
      generators: [{ git: { repoURL: REPO, revision: 'HEAD', directories: [{ path: 'env/gke-dev/*' }] } }],
      template: {
        metadata: { name: '{{index .path.segments 1}}-{{.path.basename}}' },
        spec: {
          project: 'newteam',
          source: { repoURL: REPO, targetRevision: 'HEAD', path: '{{.path.path}}' },
          destination: { name: '{{index .path.segments 1}}', namespace: '{{.path.basename}}' },
          syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=true'] },
        },
      },
    },
  };

  it('waits for its AppProject and a permitted repo, then syncs; a project without the Namespace whitelist fails the sync', async () => {
    const scenario = parseScenario({
      clusters: [
        { name: 'gke-dev', role: 'user', environment: 'dev', site: 'g', platform: 'gke', controlPlane: 'gke-managed', kubernetesVersion: 'v1.31.6-gke.1020000', platformVersion: '1.31.6-gke.1020000', nodes: 1 },
      ],
      argocd: [{ name: 'argocd', cluster: 'gke-dev', environments: ['dev'] }],
      teams: [{ name: 'skip', prefix: 'skip-', group: 'group:default/skip' }],
      apps: [],
    });
    const sim = createMemorySim(scenario.clusters);
    const detach = await attachWorld(sim, scenario, { argoSyncMs: 10 });
    const store = sim.cluster('gke-dev').store;
    const get = () => store.get(ARGO, 'Application', 'argocd', 'gke-dev-newteam-web');
    try {
      store.put(appSet);
      detach.world.addAppsRepoDirectory('newteam', 'gke-dev', 'newteam-web', { apiVersion: SKIP, kind: 'Application', metadata: { name: 'web' }, spec: { image: 'ghcr.io/kartverket/web:1', port: 8080, replicas: 1 } });
      expect(status(get()).conditions).toEqual([expect.objectContaining({ type: 'InvalidSpecError', message: 'Application referencing project newteam which does not exist' })]);
      // The repo URL is compared as Argo CD compares them (case, .git).
      store.put(project(['https://github.com/kartverket/other-apps.git']));
      expect(status(get()).conditions).toEqual([expect.objectContaining({ message: `application repo ${REPO} is not permitted in project 'newteam'` })]);
      const withoutNamespace = project(['https://GitHub.com/kartverket/newteam-apps']);
      (withoutNamespace.spec as { clusterResourceWhitelist: unknown[] }).clusterResourceWhitelist = [];
      store.put(withoutNamespace);
      const failed = await waitFor(() => status(get()).operationState?.phase === 'Failed' && get());
      expect(status(failed).operationState.message).toBe('one or more synchronization tasks are not valid');
      expect(status(failed).operationState.syncResult.resources).toEqual([expect.objectContaining({ kind: 'Namespace', name: 'newteam-web', status: 'SyncFailed', message: 'resource :Namespace is not permitted in project newteam' })]);
      expect(store.get('v1', 'Namespace', undefined, 'newteam-web')).toBeUndefined();
      // As Argo CD, no automated retry of a revision whose sync failed: a SyncError until someone syncs.
      store.put(project([REPO]));
      expect(status(get()).conditions).toEqual([expect.objectContaining({ type: 'SyncError', message: `Failed sync attempt to ${detach.world.repo('newteam').head()}: one or more synchronization tasks are not valid` })]);
      store.put({ ...get()!, operation: { sync: { revision: detach.world.repo('newteam').head() }, initiatedBy: { username: 'someone@kartverket.no' } } });
      await waitFor(() => status(get()).sync?.status === 'Synced' && status(get()).operationState?.phase === 'Succeeded');
      expect(status(get()).conditions).toBeUndefined();
      expect(store.get('v1', 'Namespace', undefined, 'newteam-web')).toBeDefined();
    } finally {
      detach();
    }
  });
});

describe('a slow-starting app', () => {
  it('is Progressing in Argo CD until its pods become ready, then Healthy', async () => {
    const scenario = parseScenario({
      clusters: [
        { name: 'gke-dev', role: 'user', environment: 'dev', site: 'g', platform: 'gke', controlPlane: 'gke-managed', kubernetesVersion: 'v1.31.6-gke.1020000', platformVersion: '1.31.6-gke.1020000', nodes: 1 },
      ],
      argocd: [{ name: 'argocd', cluster: 'gke-dev', environments: ['dev'] }],
      teams: [{ name: 'geonorge', prefix: 'geonorge-', group: 'group:default/geonorge' }],
      apps: [{ team: 'geonorge', name: 'slow', cluster: 'gke-dev', namespace: 'geonorge-slow-main', image: 'ghcr.io/kartverket/slow:1', replicas: 1, fault: 'slow-start', readyAfterMs: 300 }],
    });
    const sim = createMemorySim(scenario.clusters);
    const detach = await attachWorld(sim, scenario, { argoSyncMs: 10 });
    try {
      const get = () => sim.cluster('gke-dev').store.get(ARGO, 'Application', 'argocd', 'gke-dev-geonorge-slow-main');
      expect(status(get()).health.status).toBe('Progressing');
      await new Promise(r => setTimeout(r, 150));
      expect(status(get()).health.status).toBe('Progressing');
      await waitFor(() => status(get()).health.status === 'Healthy');
      const skip = sim.cluster('gke-dev').store.get(SKIP, 'Application', 'geonorge-slow-main', 'slow');
      expect(status(skip).conditions[0]).toMatchObject({ type: 'Ready', status: 'True' });
    } finally {
      detach();
    }
  });
});
