import { startAccessTestBackend, AccessTestBackend, PIA } from './__testUtils__/startAccessTestBackend';
jest.setTimeout(180_000);
const RBAC = 'rbac.authorization.k8s.io/v1';
const DEV = 'atkv3-dev';
const NS = 'seeiendom-api-main';
const OLA = 'user:default/ola'; // writeRules only
const APPLIER = 'user:default/applier'; // apply only
describe('review', () => {
  let b: AccessTestBackend;
  beforeAll(async () => {
    b = await startAccessTestBackend({
      decide: (p, u) =>
        u === PIA || p === 'skip.access.read' ||
        (u === OLA && p === 'skip.access.rule.write') ||
        (u === APPLIER && p === 'skip.access.plan.apply'),
    });
  });
  afterAll(() => b?.stop());
  it('F: custom escalating role judged before any plan', async () => {
    b.sim.cluster(DEV).store.put({ apiVersion: RBAC, kind: 'ClusterRole', metadata: { name: 'power' },
      rules: [{ verbs: ['escalate', 'bind'], apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'] }] } as any);
    const r = await b.as(OLA).post('/rules', { id: 'power-rule', group: 'group:default/nrl', role: 'power',
      clusters: { type: 'cluster', cluster: DEV }, namespaces: { type: 'names', names: [NS] } });
    console.log('F create escalating custom role before any plan:', r.status, JSON.stringify(r.body).slice(0, 200));
  });
  it('A/B/G: plan query', async () => {
    for (const q of ['?cluster=atkv3-dev', '?cluster=atkv3-dev&cluster=atkv3-test', '?cluster[x]=y', '?cluster=nope']) {
      const r = await b.as().get('/plan' + q);
      console.log('plan', q, r.status, r.status === 200 ? r.body.clusters.map((c: any) => c.cluster) : JSON.stringify(r.body).slice(0, 300));
    }
    for (const q of ['?group=a&group=b', '?user=a&user=b', '?group[x]=1']) {
      const r = await b.as().get('/effective' + q);
      console.log('effective', q, r.status, JSON.stringify(r.body).slice(0, 200));
    }
  });
  it('D: case-insensitive path', async () => {
    const r = await b.as(APPLIER).post('/RULES', { id: 'case-rule', group: 'group:default/nrl', role: 'view',
      clusters: { type: 'cluster', cluster: DEV }, namespaces: { type: 'names', names: [NS] } });
    console.log('D POST /RULES as apply-only user:', r.status, JSON.stringify(r.body).slice(0, 200));
    const r2 = await b.as(APPLIER).post('/rules', { id: 'case-rule2', group: 'group:default/nrl', role: 'view',
      clusters: { type: 'cluster', cluster: DEV }, namespaces: { type: 'names', names: [NS] } });
    console.log('D POST /rules as apply-only user:', r2.status);
  });
  it('E: drift auto-applies an edited rule', async () => {
    const rule = { id: 'nrl-x', group: 'group:default/nrl', role: 'view',
      clusters: { type: 'cluster', cluster: DEV }, namespaces: { type: 'names', names: [NS] } };
    expect((await b.as().post('/rules', rule)).status).toBe(201);
    const plan = (await b.as().get('/plan')).body;
    const ap = await b.as().post('/apply', { planDigest: plan.digest });
    console.log('apply', ap.status);
    const up = await b.as(OLA).put('/rules/nrl-x', { ...rule, group: 'group:default/seeiendom', role: 'admin', namespaces: { type: 'cluster-wide' } });
    console.log('E update by rule-writer:', up.status);
    await b.runDriftTask();
    const crb = b.sim.cluster(DEV).store.get(RBAC, 'ClusterRoleBinding', undefined as any, 'skip-nrl-x-admin');
    console.log('E ClusterRoleBinding after drift:', JSON.stringify(crb)?.slice(0, 400));
    const audits = b.audit.filter(a => a.eventId === 'access-binding-apply' && (a.meta as any)?.rule === 'nrl-x');
    console.log('E audits', JSON.stringify(audits.slice(-2)));
  });
});
