import type {
  AccessApplyResult,
  AccessPlan,
} from '@internal/plugin-skip-common';
import {
  AccessTestBackend,
  GUEST,
  startAccessTestBackend,
} from './__testUtils__/startAccessTestBackend';

jest.setTimeout(120_000);

const RBAC = 'rbac.authorization.k8s.io/v1';
const MANAGED = { 'app.kubernetes.io/managed-by': 'skip-portal' };
/** seeiendom's default rule (edit in seeiendom-*) in a namespace of the demo's dev cluster. */
const SEEIENDOM_NS = 'seeiendom-api-main';
const DEFAULT_BINDING = 'skip-default-seeiendom-edit';

describe('plan and apply: the rules become bindings, and nothing else changes', () => {
  let backend: AccessTestBackend;

  beforeAll(async () => {
    backend = await startAccessTestBackend();
  });
  afterAll(() => backend?.stop());

  const plan = async (): Promise<AccessPlan> => {
    const res = await backend.as().get('/plan');
    expect(res.status).toBe(200);
    return res.body;
  };
  const apply = async (p: AccessPlan): Promise<AccessApplyResult> => {
    const res = await backend.as().post('/apply', { planDigest: p.digest });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('applies every team default, and a second plan is empty (apply is idempotent)', async () => {
    // A binding with the very name the portal wants, made by someone else: a conflict, never overwritten.
    backend.sim.cluster('atkv3-dev').store.put({
      apiVersion: RBAC,
      kind: 'RoleBinding',
      metadata: {
        name: DEFAULT_BINDING,
        namespace: 'seeiendom-frontend-main',
        labels: { team: 'seeiendom' },
      },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'view',
      },
      subjects: [
        {
          kind: 'User',
          apiGroup: 'rbac.authorization.k8s.io',
          name: 'x@kartverket.no',
        },
      ],
    } as any);
    const unowned = () =>
      backend.sim
        .cluster('atkv3-dev')
        .store.list(RBAC, 'RoleBinding')
        .concat(
          backend.sim
            .cluster('atkv3-dev')
            .store.list(RBAC, 'ClusterRoleBinding'),
        )
        .filter(
          b =>
            b.metadata.labels?.['app.kubernetes.io/managed-by'] !==
            'skip-portal',
        );
    const unownedBefore = unowned();

    const first = await plan();
    const dev = first.clusters.find(c => c.cluster === 'atkv3-dev')!;
    expect(dev.reachable).toBe(true);
    expect(dev.changes).toContainEqual(
      expect.objectContaining({
        action: 'create',
        kind: 'RoleBinding',
        namespace: SEEIENDOM_NS,
        name: DEFAULT_BINDING,
        role: 'edit',
        groups: [
          'aad-tf-team-seeiendom-leads@kartverket.no',
          'aad-tf-team-seeiendom@kartverket.no',
        ],
        ruleIds: ['default-seeiendom'],
      }),
    );
    expect(dev.conflicts).toContainEqual(
      expect.objectContaining({
        kind: 'RoleBinding',
        namespace: 'seeiendom-frontend-main',
        name: DEFAULT_BINDING,
      }),
    );
    const result = await apply(first);
    expect(result.clusters.every(c => c.errors.length === 0)).toBe(true);
    expect(result.clusters.find(c => c.cluster === 'atkv3-dev')!.outcome).toBe(
      'applied',
    );

    // What kubectl would show: our binding, with Group subjects and our label and field manager.
    const applied = backend.sim
      .cluster('atkv3-dev')
      .store.get(RBAC, 'RoleBinding', SEEIENDOM_NS, DEFAULT_BINDING) as any;
    expect(applied.metadata.labels).toMatchObject(MANAGED);
    expect(applied.roleRef).toMatchObject({
      kind: 'ClusterRole',
      name: 'edit',
    });
    expect(applied.subjects.map((s: any) => [s.kind, s.name])).toEqual([
      ['Group', 'aad-tf-team-seeiendom-leads@kartverket.no'],
      ['Group', 'aad-tf-team-seeiendom@kartverket.no'],
    ]);
    expect(applied.metadata.managedFields.map((m: any) => m.manager)).toContain(
      'skip-portal-access',
    );

    const second = await plan();
    for (const cluster of second.clusters) {
      expect([cluster.cluster, cluster.changes]).toEqual([cluster.cluster, []]);
    }
    // Nothing the portal does not own was modified or deleted, the same-name one included.
    expect(unowned()).toEqual(unownedBefore);
    const again = await apply(second);
    expect(again.clusters.every(c => c.outcome === 'unchanged')).toBe(true);
  });

  it('refuses an apply of a plan other than the one previewed (409 naming planDigest)', async () => {
    const res = await backend
      .as()
      .post('/apply', { planDigest: 'a'.repeat(64) });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/^planDigest: /);
  });

  it('deletes only the bindings it owns once no rule wants them, and leaves the rest', async () => {
    const created = await backend.as().post('/rules', {
      id: 'matrikkel-view-dev',
      group: 'group:default/matrikkel',
      role: 'view',
      clusters: { type: 'environment', environment: 'dev' },
      namespaces: { type: 'names', names: [SEEIENDOM_NS] },
    });
    expect(created.status).toBe(201);
    await apply(await plan());
    const name = 'skip-matrikkel-view-dev-view';
    expect(
      backend.sim
        .cluster('atkv3-dev')
        .store.get(RBAC, 'RoleBinding', SEEIENDOM_NS, name),
    ).toBeDefined();

    expect(
      (await backend.as().delete('/rules/matrikkel-view-dev')).status,
    ).toBe(204);
    const p = await plan();
    const deletes = p.clusters.flatMap(c =>
      c.changes
        .filter(ch => ch.action === 'delete')
        .map(ch => `${c.cluster}/${ch.namespace}/${ch.name}`),
    );
    expect(deletes).toContain(`atkv3-dev/${SEEIENDOM_NS}/${name}`);
    await apply(p);
    expect(
      backend.sim
        .cluster('atkv3-dev')
        .store.get(RBAC, 'RoleBinding', SEEIENDOM_NS, name),
    ).toBeUndefined();
    expect(
      backend.sim
        .cluster('atkv3-dev')
        .store.get(
          RBAC,
          'RoleBinding',
          'seeiendom-frontend-main',
          DEFAULT_BINDING,
        ),
    ).toMatchObject({
      roleRef: { name: 'view' },
      metadata: { labels: { team: 'seeiendom' } },
    });
  });

  it('a cluster that is down fails only its part, reported per cluster', async () => {
    await backend.as().post('/rules', {
      id: 'nrl-view-all',
      group: 'group:default/nrl',
      role: 'view',
      clusters: { type: 'all' },
      namespaces: { type: 'cluster-wide' },
    });
    await backend.sim.setFaults('atkv3-test', { down: true });
    try {
      const p = await plan();
      const down = p.clusters.find(c => c.cluster === 'atkv3-test')!;
      expect(down.reachable).toBe(false);
      expect(down.error).toMatch(/atkv3-test/);
      // Rules for all clusters cover user clusters; admin clusters only by name.
      const up = p.clusters.filter(
        c => c.reachable && !c.cluster.includes('-admin-'),
      );
      expect(up.length).toBeGreaterThan(1);
      expect(
        up.filter(
          c => !c.changes.some(ch => ch.name === 'skip-nrl-view-all-view'),
        ),
      ).toEqual([]);
      const result = await apply(p);
      expect(
        result.clusters.find(c => c.cluster === 'atkv3-test'),
      ).toMatchObject({
        outcome: 'failed',
        errors: [expect.stringMatching(/atkv3-test/)],
      });
      expect(
        result.clusters
          .filter(c => up.some(u => u.cluster === c.cluster))
          .map(c => c.outcome),
      ).toEqual(up.map(() => 'applied'));
    } finally {
      await backend.sim.setFaults('atkv3-test', { down: false });
    }
    // Back up: the next plan has only that cluster's part left.
    const after = await plan();
    expect(
      after.clusters.filter(c => c.changes.length > 0).map(c => c.cluster),
    ).toEqual(['atkv3-test']);
  });

  it('audits every binding it writes, with the rule, role and who asked', async () => {
    const events = backend.audit.filter(
      e => e.eventId === 'access-binding-apply' && e.status === 'succeeded',
    );
    expect(events).toContainEqual(
      expect.objectContaining({
        meta: expect.objectContaining({
          cluster: 'atkv3-dev',
          namespace: SEEIENDOM_NS,
          kind: 'RoleBinding',
          name: DEFAULT_BINDING,
          role: 'edit',
          rule: 'default-seeiendom',
          action: 'apply access plan',
        }),
      }),
    );
    expect(
      backend.audit
        .filter(e => e.eventId === 'access-rule')
        .map(e => [e.meta?.action, e.status]),
    ).toEqual(
      expect.arrayContaining([
        ['create', 'succeeded'],
        ['delete', 'succeeded'],
      ]),
    );
    // The apply as a whole too: which plan, on which clusters.
    expect(backend.audit).toContainEqual(
      expect.objectContaining({
        eventId: 'access-plan-apply',
        status: 'succeeded',
        meta: expect.objectContaining({
          planDigest: expect.stringMatching(/^[a-f0-9]{64}$/),
          clusters: expect.stringContaining('atkv3-dev'),
        }),
      }),
    );
  });

  it('lets a developer read the plan but not apply it, not even with a valid digest', async () => {
    const p = await backend.as(GUEST).get('/plan');
    expect(p.status).toBe(200);
    const res = await backend
      .as(GUEST)
      .post('/apply', { planDigest: p.body.digest });
    expect(res.status).toBe(403);
  });
});
