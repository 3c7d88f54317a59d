import type {
  AccessRulesResponse,
  AccessRuleValidation,
} from '@internal/plugin-skip-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AccessTestBackend,
  GUEST,
  PIA,
  startAccessTestBackend,
} from './__testUtils__/startAccessTestBackend';

jest.setTimeout(120_000);

const validRule = {
  id: 'geonorge-view-test',
  group: 'group:default/geonorge',
  role: 'view',
  clusters: { type: 'environment', environment: 'test' },
  namespaces: { type: 'team-prefix', team: 'group:default/matrikkel' },
};

describe('rules: three sources, validated, changed only by those allowed', () => {
  let backend: AccessTestBackend;
  let folder: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'access-rules-'));
    fs.writeFileSync(
      path.join(folder, 'platform.yaml'),
      [
        'rules:',
        '  - id: skip-admin',
        '    group: group:default/skip',
        '    role: cluster-admin',
        '    clusters: { type: all }',
        '    namespaces: { type: cluster-wide }',
        '  - id: broken',
        '    group: group:default/skip',
        '    role: view',
        '    clusters: { type: environment }',
        '    namespaces: { type: cluster-wide }',
      ].join('\n'),
    );
    backend = await startAccessTestBackend({
      access: { rulesFolder: folder },
      // Ola may write rules and apply, but not approve escalating roles.
      decide: (permission, user) =>
        user === PIA ||
        permission === 'skip.access.read' ||
        (user === 'user:default/ola' &&
          permission !== 'skip.access.escalation.approve'),
    });
  });
  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists database, git and team-default rules, with the folder problems naming file, rule and field', async () => {
    const res = await backend.as(GUEST).get('/rules');
    expect(res.status).toBe(200);
    const body = res.body as AccessRulesResponse;
    expect(body.rules).toContainEqual(
      expect.objectContaining({
        id: 'skip-admin',
        source: 'git',
        file: 'platform.yaml',
        escalating: true,
        problems: [],
      }),
    );
    expect(body.rules).toContainEqual(
      expect.objectContaining({
        id: 'default-seeiendom',
        source: 'team-default',
        role: 'edit',
        namespaces: { type: 'team-prefix', team: 'group:default/seeiendom' },
      }),
    );
    expect(body.sourceErrors).toEqual([
      expect.stringMatching(/platform\.yaml.*broken.*clusters\.environment/),
    ]);
    expect(body.rights).toEqual({
      writeRules: false,
      apply: false,
      approveEscalation: false,
    });
    expect(
      body.environments.find(e => e.environment === 'dev')!.clusters,
    ).toEqual(expect.arrayContaining(['atkv3-dev', 'atgcp1-dev']));
    expect(body.groups).toContainEqual(
      expect.objectContaining({
        ref: 'group:default/seeiendom',
        prefix: 'seeiendom-',
        iamGroups: [
          'aad-tf-team-seeiendom-leads@kartverket.no',
          'aad-tf-team-seeiendom@kartverket.no',
        ],
      }),
    );
  });

  it('validates live: each bad field named, the unknown group refused, escalation flagged', async () => {
    const verdict = async (rule: object) =>
      (await backend.as(GUEST).post('/rules/validate', rule))
        .body as AccessRuleValidation;
    expect(await verdict(validRule)).toEqual({
      valid: true,
      errors: [],
      escalating: false,
      clusters: ['atkv3-test'],
    });
    expect(
      (await verdict({ ...validRule, clusters: { type: 'cluster' } })).errors,
    ).toEqual([
      { field: 'clusters.cluster', message: expect.stringMatching(/required/) },
    ]);
    expect(
      (await verdict({ ...validRule, group: 'group:default/nobody' })).errors,
    ).toEqual([
      {
        field: 'group',
        message: expect.stringMatching(
          /group:default\/nobody.*not in the catalog/,
        ),
      },
    ]);
    expect(
      (await verdict({ ...validRule, role: 'cluster-admin' })).escalating,
    ).toBe(true);
    // A custom role no cluster has: nobody can say what it allows, so it needs the approval.
    expect(
      (await verdict({ ...validRule, role: 'power-user' })).escalating,
    ).toBe(true);
    expect((await verdict({ ...validRule, role: 'edit' })).escalating).toBe(
      false,
    );
    // Two rules whose bindings would carry one name: the second is refused, naming the first.
    expect(
      (await verdict({ ...validRule, id: 'default', role: 'seeiendom-edit' }))
        .errors,
    ).toContainEqual({
      field: 'id',
      message: expect.stringMatching(/default-seeiendom/),
    });
    expect((await verdict({ ...validRule, id: 'skip-admin' })).errors).toEqual([
      { field: 'id', message: expect.stringMatching(/exists already/) },
    ]);
  });

  it('refuses a rule for a group not in the catalog with a 400 naming the rule and field', async () => {
    const res = await backend
      .as()
      .post('/rules', { ...validRule, group: 'group:default/nobody' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /rule 'geonorge-view-test': group: .*group:default\/nobody/,
    );
    const shape = await backend.as().post('/rules', { ...validRule, role: 7 });
    expect(shape.status).toBe(400);
    expect(shape.body.error.message).toMatch(/role/);
  });

  it('creates, changes and removes database rules; git and default rules are changed where they live', async () => {
    const created = await backend.as().post('/rules', validRule);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      ...validRule,
      source: 'database',
      updatedBy: PIA,
      problems: [],
    });
    expect((await backend.as().post('/rules', validRule)).status).toBe(409);
    const changed = await backend
      .as()
      .put('/rules/geonorge-view-test', { ...validRule, role: 'edit' });
    expect(changed.status).toBe(200);
    expect(changed.body.role).toBe('edit');
    const git = await backend.as().put('/rules/skip-admin', {
      ...validRule,
      id: 'skip-admin',
    });
    expect(git.status).toBe(409);
    expect(git.body.error.message).toMatch(/platform\.yaml/);
    expect((await backend.as().delete('/rules/default-seeiendom')).status).toBe(
      409,
    );
    expect(
      (await backend.as().delete('/rules/geonorge-view-test')).status,
    ).toBe(204);
    expect(
      (await backend.as().delete('/rules/geonorge-view-test')).status,
    ).toBe(404);
  });

  it('needs the approve permission for an escalating role, on the rule and on the apply', async () => {
    const ola = 'user:default/ola';
    const escalating = {
      ...validRule,
      id: 'geonorge-admin',
      role: 'cluster-admin',
    };
    const refused = await backend.as(ola).post('/rules', escalating);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/escalating/);
    expect((await backend.as(ola).post('/rules', validRule)).status).toBe(201);
    // Taking an escalating grant away needs the approval too.
    expect((await backend.as().post('/rules', escalating)).status).toBe(201);
    const downgrade = await backend
      .as(ola)
      .put('/rules/geonorge-admin', { ...escalating, role: 'view' });
    expect(downgrade.status).toBe(403);
    expect((await backend.as(ola).delete('/rules/geonorge-admin')).status).toBe(
      403,
    );
    expect((await backend.as().delete('/rules/geonorge-admin')).status).toBe(
      204,
    );

    // The git rule binds cluster-admin: the plan flags it, and Ola may not apply it.
    const plan = (await backend.as(ola).get('/plan')).body;
    const flagged = plan.clusters.flatMap((c: any) =>
      c.changes.filter((ch: any) => ch.escalating),
    );
    expect(flagged[0]).toMatchObject({
      action: 'create',
      kind: 'ClusterRoleBinding',
      name: 'skip-skip-admin-cluster-admin',
      role: 'cluster-admin',
    });
    const apply = await backend
      .as(ola)
      .post('/apply', { planDigest: plan.digest });
    expect(apply.status).toBe(403);
    expect(apply.body.error.message).toMatch(/escalating/);
    expect(
      (await backend.as().post('/apply', { planDigest: plan.digest })).status,
    ).toBe(200);
  });

  it('refuses every write to a developer and to a service, before looking at the input', async () => {
    const writes: [string, string, object | undefined][] = [
      ['post', '/rules', validRule],
      ['post', '/rules', {}],
      ['put', '/rules/geonorge-view-test', validRule],
      ['delete', '/rules/geonorge-view-test', undefined],
      ['post', '/apply', { planDigest: '0'.repeat(64) }],
      ['post', '/apply', {}],
      ['post', '/drift/check', undefined],
      ['post', '/drift/repair', { cluster: 'atkv3-dev' }],
      // The validate route reads only when it is a POST; paths route whatever their case.
      ['put', '/rules/validate', { ...validRule, id: 'validate' }],
      ['delete', '/rules/validate', undefined],
      ['post', '/RULES', validRule],
      ['put', '/Rules/geonorge-view-test', validRule],
    ];
    for (const who of [backend.as(GUEST), backend.asService()]) {
      for (const [method, route, body] of writes) {
        const call = (who as any)[method](route, body);
        const res = await call;
        expect([method, route, res.status]).toEqual([method, route, 403]);
      }
    }
  });
});
