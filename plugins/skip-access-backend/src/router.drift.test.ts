import type {
  AccessDriftReport,
  EffectiveAccess,
} from '@internal/plugin-skip-common';
import YAML from 'yaml';
import {
  AccessTestBackend,
  startAccessTestBackend,
} from './__testUtils__/startAccessTestBackend';

jest.setTimeout(120_000);

const RBAC = 'rbac.authorization.k8s.io/v1';
const DEV = 'atkv3-dev';
const NS = 'seeiendom-api-main';
const BINDING = 'skip-default-seeiendom-edit';

describe('drift, export and "what can this group or user do, where"', () => {
  let backend: AccessTestBackend;
  const store = () => backend.sim.cluster(DEV).store;
  const findings = (report: AccessDriftReport, cluster = DEV) =>
    report.clusters.find(c => c.cluster === cluster)!.findings;

  beforeAll(async () => {
    backend = await startAccessTestBackend();
    const plan = (await backend.as().get('/plan')).body;
    const applied = await backend
      .as()
      .post('/apply', { planDigest: plan.digest });
    if (applied.status !== 200) {
      throw new Error(
        `The first apply answered ${applied.status}: ${applied.text}`,
      );
    }
  });
  afterAll(() => backend?.stop());

  it('finds a managed binding changed by hand, and repair puts it back', async () => {
    const live = store().get(RBAC, 'RoleBinding', NS, BINDING) as any;
    store().put({
      ...live,
      subjects: [
        ...live.subjects,
        {
          kind: 'Group',
          apiGroup: 'rbac.authorization.k8s.io',
          name: 'someone-else@kartverket.no',
        },
      ],
    });
    await backend.runDriftTask();
    const report = (await backend.as().get('/drift')).body as AccessDriftReport;
    expect(report.checkedAt).toBeDefined();
    expect(findings(report)).toContainEqual(
      expect.objectContaining({
        type: 'modified',
        kind: 'RoleBinding',
        namespace: NS,
        name: BINDING,
        repairable: true,
      }),
    );
    const repaired = await backend.as().post('/drift/repair', { cluster: DEV });
    expect(repaired.status).toBe(200);
    expect(repaired.body).toMatchObject({
      cluster: DEV,
      outcome: 'applied',
      updated: 1,
    });
    expect(
      (store().get(RBAC, 'RoleBinding', NS, BINDING) as any).subjects.map(
        (s: any) => s.name,
      ),
    ).toEqual([
      'aad-tf-team-seeiendom-leads@kartverket.no',
      'aad-tf-team-seeiendom@kartverket.no',
    ]);
    const after = (await backend.as().post('/drift/check'))
      .body as AccessDriftReport;
    expect(findings(after).filter(f => f.name === BINDING)).toEqual([]);
  });

  it('finds a managed binding deleted by hand', async () => {
    store().remove(RBAC, 'RoleBinding', NS, BINDING);
    const report = (await backend.as().post('/drift/check'))
      .body as AccessDriftReport;
    expect(findings(report)).toContainEqual(
      expect.objectContaining({
        type: 'deleted',
        name: BINDING,
        namespace: NS,
        repairable: true,
      }),
    );
    await backend.as().post('/drift/repair', { cluster: DEV });
    expect(store().get(RBAC, 'RoleBinding', NS, BINDING)).toBeDefined();
  });

  it('gives a namespace created after the rule its binding at the next drift run', async () => {
    store().put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'seeiendom-pr-42', labels: { team: 'seeiendom' } },
      spec: {},
      status: { phase: 'Active' },
    } as any);
    await backend.runDriftTask();
    const created = store().get(
      RBAC,
      'RoleBinding',
      'seeiendom-pr-42',
      BINDING,
    ) as any;
    expect(created).toMatchObject({
      roleRef: { name: 'edit' },
      metadata: { labels: { 'app.kubernetes.io/managed-by': 'skip-portal' } },
    });
    const report = (await backend.as().get('/drift')).body as AccessDriftReport;
    const dev = report.clusters.find(c => c.cluster === DEV)!;
    expect(dev.autoApplied).toBe(1);
    expect(dev.findings.filter(f => f.namespace === 'seeiendom-pr-42')).toEqual(
      [],
    );
  });

  it('leaves a rule nobody has applied yet to its plan: the drift run only reports it missing', async () => {
    const created = await backend.as().post('/rules', {
      id: 'nrl-view-seeiendom',
      group: 'group:default/nrl',
      role: 'view',
      clusters: { type: 'cluster', cluster: DEV },
      namespaces: { type: 'names', names: [NS] },
    });
    expect(created.status).toBe(201);
    await backend.runDriftTask();
    expect(
      store().get(RBAC, 'RoleBinding', NS, 'skip-nrl-view-seeiendom-view'),
    ).toBeUndefined();
    const report = (await backend.as().get('/drift')).body as AccessDriftReport;
    expect(findings(report)).toContainEqual(
      expect.objectContaining({
        type: 'missing',
        name: 'skip-nrl-view-seeiendom-view',
        repairable: false,
      }),
    );
    // Repair puts back what a person applied; a rule nobody applied waits for its plan.
    expect(
      (await backend.as().post('/drift/repair', { cluster: DEV })).body,
    ).toMatchObject({ created: 0 });
    expect(
      store().get(RBAC, 'RoleBinding', NS, 'skip-nrl-view-seeiendom-view'),
    ).toBeUndefined();
    expect(
      (await backend.as().delete('/rules/nrl-view-seeiendom')).status,
    ).toBe(204);
  });

  it('does not carry a rule edited since its apply into new namespaces: the edit waits for its plan', async () => {
    const rule = {
      id: 'nrl-prefix',
      group: 'group:default/nrl',
      role: 'view',
      clusters: { type: 'cluster', cluster: DEV },
      namespaces: { type: 'team-prefix', team: 'group:default/seeiendom' },
    };
    expect((await backend.as().post('/rules', rule)).status).toBe(201);
    const plan = (await backend.as().get(`/plan?cluster=${DEV}`)).body;
    await backend
      .as()
      .post('/apply', { planDigest: plan.digest, clusters: [DEV] });
    expect(
      store().get(RBAC, 'RoleBinding', NS, 'skip-nrl-prefix-view'),
    ).toBeDefined();
    // Edited to another group (same binding name) and a namespace appears.
    await backend
      .as()
      .put('/rules/nrl-prefix', { ...rule, group: 'group:default/geonorge' });
    store().put({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'seeiendom-pr-77' },
      spec: {},
      status: { phase: 'Active' },
    } as any);
    await backend.runDriftTask();
    expect(
      store().get(
        RBAC,
        'RoleBinding',
        'seeiendom-pr-77',
        'skip-nrl-prefix-view',
      ),
    ).toBeUndefined();
    // The binding already there keeps nrl until someone applies the edit; repair does not apply it either.
    await backend.as().post('/drift/repair', { cluster: DEV });
    expect(
      (
        store().get(RBAC, 'RoleBinding', NS, 'skip-nrl-prefix-view') as any
      ).subjects.map((s: any) => s.name),
    ).toEqual(['aad-tf-team-nrl@kartverket.no']);
    expect((await backend.as().delete('/rules/nrl-prefix')).status).toBe(204);
    const cleanup = (await backend.as().get(`/plan?cluster=${DEV}`)).body;
    await backend
      .as()
      .post('/apply', { planDigest: cleanup.digest, clusters: [DEV] });
  });

  it('reports an unmanaged binding that gives a team more than its rules, and never repairs it', async () => {
    store().put({
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: { name: 'handmade-admin', namespace: NS },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'cluster-admin',
      },
      subjects: [
        {
          kind: 'Group',
          apiGroup: 'rbac.authorization.k8s.io',
          name: 'aad-tf-team-seeiendom@kartverket.no',
        },
      ],
    } as any);
    const report = (await backend.as().post('/drift/check'))
      .body as AccessDriftReport;
    expect(findings(report)).toContainEqual(
      expect.objectContaining({
        type: 'excess-grant',
        name: 'handmade-admin',
        namespace: NS,
        repairable: false,
      }),
    );
    await backend.as().post('/drift/repair', { cluster: DEV });
    expect(
      store().get(RBAC, 'RoleBinding', NS, 'handmade-admin'),
    ).toMatchObject({
      roleRef: { name: 'cluster-admin' },
    });
  });

  it("shows a group's access from both sources, with where each grant comes from", async () => {
    const res = await backend
      .as()
      .get(`/effective?group=${encodeURIComponent('group:default/seeiendom')}`);
    expect(res.status).toBe(200);
    const body = res.body as EffectiveAccess;
    expect(body.subject).toMatchObject({
      ref: 'group:default/seeiendom',
      kind: 'group',
      iamGroups: expect.arrayContaining([
        'aad-tf-team-seeiendom@kartverket.no',
      ]),
    });
    const inDev = body.grants.filter(
      g => g.cluster === DEV && g.namespace === NS,
    );
    expect(inDev).toContainEqual(
      expect.objectContaining({
        via: 'rule',
        ruleId: 'default-seeiendom',
        role: 'edit',
      }),
    );
    expect(inDev).toContainEqual(
      expect.objectContaining({
        via: 'binding',
        role: 'edit',
        binding: expect.objectContaining({ name: BINDING, managed: true }),
      }),
    );
    expect(inDev).toContainEqual(
      expect.objectContaining({
        via: 'binding',
        role: 'cluster-admin',
        escalating: true,
        binding: expect.objectContaining({
          name: 'handmade-admin',
          managed: false,
        }),
      }),
    );
  });

  it("shows a user's access through their groups, and names unknown subjects with a 4xx", async () => {
    const res = await backend.as().get('/effective?user=user:default/guest');
    expect(res.status).toBe(200);
    expect(res.body.subject).toMatchObject({
      kind: 'user',
      groups: ['group:default/seeiendom'],
    });
    expect(
      res.body.grants.some((g: any) => g.ruleId === 'default-seeiendom'),
    ).toBe(true);
    const nobody = await backend
      .as()
      .get(`/effective?user=${encodeURIComponent('user:default/nobody')}`);
    expect(nobody.status).toBe(404);
    expect(nobody.body.error.message).toMatch(/^user: /);
    const neither = await backend.as().get('/effective');
    expect(neither.status).toBe(400);
  });

  it('exports a cluster as YAML documents a GitOps repo can hold', async () => {
    const res = await backend.as().get(`/export/${DEV}`);
    expect(res.status).toBe(200);
    const docs = YAML.parseAllDocuments(res.body.yaml).map(d => d.toJSON());
    expect(docs).toContainEqual(
      expect.objectContaining({
        apiVersion: RBAC,
        kind: 'RoleBinding',
        metadata: expect.objectContaining({ name: BINDING, namespace: NS }),
      }),
    );
    expect(
      docs.every(
        d =>
          d.metadata.labels['app.kubernetes.io/managed-by'] === 'skip-portal',
      ),
    ).toBe(true);
    expect((await backend.as().get('/export/no-such-cluster')).status).toBe(
      404,
    );
  });
});
