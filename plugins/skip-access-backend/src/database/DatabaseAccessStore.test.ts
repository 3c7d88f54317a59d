import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { AccessRuleInput } from '@internal/plugin-skip-common';
import { DatabaseAccessStore } from './DatabaseAccessStore';
import { migrationsConfig } from './migrationsConfig';

jest.setTimeout(60_000);

const rule: AccessRuleInput = {
  id: 'nrl-view-dev',
  group: 'group:default/nrl',
  role: 'view',
  clusters: { type: 'environment', environment: 'dev' },
  namespaces: { type: 'cluster-wide' },
};

describe('DatabaseAccessStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });

  async function storeOn(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return {
      knex,
      store: await DatabaseAccessStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      }),
    };
  }

  it.each(databases.eachSupportedId())(
    'migrates down to nothing and up again, on %p',
    async databaseId => {
      const { knex } = await storeOn(databaseId);
      await knex.migrate.rollback(migrationsConfig, true);
      expect(await knex.schema.hasTable('skip_access_rules')).toBe(false);
      await knex.migrate.latest(migrationsConfig);
      expect(await knex.schema.hasTable('skip_access_applied')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps rules with who wrote them, and lets exactly one of two concurrent creates of an id win, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const results = await Promise.allSettled([
        store.createRule(rule, 'user:default/pia'),
        store.createRule({ ...rule, role: 'edit' }, 'user:default/ola'),
      ]);
      expect(results.filter(r => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find(
        r => r.status === 'rejected',
      ) as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ name: 'ConflictError' });
      expect(refused.reason.message).toMatch(
        /^id: a rule 'nrl-view-dev' exists already/,
      );

      const updated = await store.updateRule(
        { ...rule, role: 'admin' },
        'user:default/ola',
      );
      expect(updated).toMatchObject({
        rule: { role: 'admin' },
        updatedBy: 'user:default/ola',
      });
      await expect(
        store.updateRule({ ...rule, id: 'nope' }, 'user:default/ola'),
      ).rejects.toMatchObject({ name: 'NotFoundError' });
      expect((await store.listRules()).map(r => r.rule.id)).toEqual([
        'nrl-view-dev',
      ]);
      expect(await store.deleteRule('nrl-view-dev')).toBe(true);
      expect(await store.deleteRule('nrl-view-dev')).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers applied bindings per cluster (cluster-wide ones too) and forgets deleted ones, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const crb = {
        cluster: 'c1',
        kind: 'ClusterRoleBinding' as const,
        name: 'skip-a-view',
        ruleId: 'a',
        ruleFingerprint: 'f1',
      };
      const rb = {
        cluster: 'c1',
        kind: 'RoleBinding' as const,
        namespace: 'ns',
        name: 'skip-a-view',
        ruleId: 'a',
        ruleFingerprint: 'f1',
      };
      await store.recordApplied('c1', [crb, rb], []);
      await store.recordApplied(
        'c1',
        [{ ...rb, ruleId: 'b', ruleFingerprint: 'f2' }],
        [],
      );
      await store.recordApplied('c2', [{ ...rb, cluster: 'c2' }], []);
      expect(await store.appliedBindings('c1')).toEqual(
        expect.arrayContaining([
          crb,
          { ...rb, ruleId: 'b', ruleFingerprint: 'f2' },
        ]),
      );
      expect(await store.appliedBindings('c1')).toHaveLength(2);
      await store.recordApplied('c1', [], [crb]);
      expect(await store.appliedBindings('c1')).toEqual([
        { ...rb, ruleId: 'b', ruleFingerprint: 'f2' },
      ]);
      expect(await store.appliedBindings()).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last drift check per cluster, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      const report = {
        cluster: 'c1',
        environment: 'dev',
        reachable: true,
        findings: [],
      };
      await store.saveDrift(report, new Date('2026-12-02T10:00:00Z'));
      await store.saveDrift(
        { ...report, reachable: false, error: 'down' },
        new Date('2026-12-02T10:10:00Z'),
      );
      expect(await store.listDrift()).toEqual([
        {
          report: { ...report, reachable: false, error: 'down' },
          checkedAt: new Date('2026-12-02T10:10:00Z'),
        },
      ]);
    },
  );
});
