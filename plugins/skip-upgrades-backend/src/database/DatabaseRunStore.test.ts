import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { UpgradePlan } from '@internal/plugin-skip-common';
import { DatabaseRunStore } from './DatabaseRunStore';
import { migrationsConfig } from './migrationsConfig';

jest.setTimeout(60_000);

const plan = {
  targetVersion: '1.31.200-gke.59',
  stages: [],
  clusters: [],
} as unknown as UpgradePlan;
const newRun = (id: string) => ({
  id,
  targetVersion: '1.31.200-gke.59',
  scope: { kind: 'ladder' as const },
  plan,
  state: 'running' as const,
  createdBy: 'user:default/pia',
  createdAt: new Date('2026-12-02T10:00:00Z'),
});
const steps = [
  {
    position: 0,
    key: 'dev/upgrade-user-cluster/atkv3-dev',
    stage: 'dev',
    kind: 'upgrade-user-cluster',
    cluster: 'atkv3-dev',
    state: 'pending' as const,
    attempts: 0,
  },
  {
    position: 1,
    key: 'dev/soak',
    stage: 'dev',
    kind: 'soak',
    state: 'pending' as const,
    attempts: 0,
  },
];

describe('DatabaseRunStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });

  async function storeOn(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    return {
      knex,
      store: await DatabaseRunStore.create({
        database: mockServices.database({ knex, migrations: { skip: false } }),
      }),
    };
  }

  it.each(databases.eachSupportedId())(
    'migrates down to nothing and up again, on %p',
    async databaseId => {
      const { knex } = await storeOn(databaseId);
      await knex.migrate.rollback(migrationsConfig, true);
      expect(await knex.schema.hasTable('skip_upgrade_runs')).toBe(false);
      expect(await knex.schema.hasTable('skip_upgrade_cluster_locks')).toBe(
        false,
      );
      await knex.migrate.latest(migrationsConfig);
      expect(await knex.schema.hasTable('skip_upgrade_steps')).toBe(true);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses a second active run on a cluster, naming the cluster and the run, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.createRun(
        newRun('run-a'),
        steps,
        ['atkv3-dev', 'atkv3-admin-nonprod'],
        'user:default/pia',
      );
      await expect(
        store.createRun(
          newRun('run-b'),
          steps,
          ['atkv3-admin-nonprod'],
          'user:default/ola',
        ),
      ).rejects.toThrow(
        'Cluster atkv3-admin-nonprod is part of run run-a, which has not ended; one active run per cluster',
      );
      expect(await store.getRun('run-b')).toBeUndefined();
      // Once run-a ends, its clusters are free.
      await store.update({
        runId: 'run-a',
        run: { state: 'succeeded', finishedAt: new Date() },
        now: new Date(),
      });
      await store.createRun(
        newRun('run-b'),
        steps,
        ['atkv3-admin-nonprod'],
        'user:default/ola',
      );
      expect((await store.getRun('run-b'))?.state).toBe('running');
    },
  );

  it.each(databases.eachSupportedId())(
    'gives a run to one engine at a time, and to another once the lease lapsed, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.createRun(
        newRun('run-a'),
        steps,
        ['atkv3-dev'],
        'user:default/pia',
      );
      const now = new Date();
      const later = new Date(now.getTime() + 30_000);
      const claims = await Promise.all(
        ['a', 'b', 'c', 'd'].map(owner =>
          store.claimRun('run-a', owner, now, later),
        ),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      const winner = ['a', 'b', 'c', 'd'][claims.indexOf(true)];
      expect(await store.claimableRunIds(now)).toEqual([]);
      // Only the owner changes steps while it holds the lease.
      const other = winner === 'a' ? 'b' : 'a';
      expect(
        await store.update({
          runId: 'run-a',
          owner: other,
          step: {
            key: steps[0].key,
            patch: { state: 'running' },
            fromStates: ['pending'],
          },
          now,
        }),
      ).toBe(false);
      expect(
        await store.update({
          runId: 'run-a',
          owner: winner,
          step: {
            key: steps[0].key,
            patch: { state: 'running' },
            fromStates: ['pending'],
            countAttempt: true,
          },
          now,
        }),
      ).toBe(true);
      expect((await store.getSteps('run-a'))[0]).toEqual(
        expect.objectContaining({ state: 'running', attempts: 1 }),
      );
      // The owner died: after the lease, another engine takes the run.
      const afterLease = new Date(later.getTime() + 1);
      expect(await store.claimableRunIds(afterLease)).toEqual(['run-a']);
      expect(
        await store.claimRun(
          'run-a',
          other,
          afterLease,
          new Date(afterLease.getTime() + 30_000),
        ),
      ).toBe(true);
      expect(
        await store.renewLease(
          'run-a',
          winner,
          new Date(afterLease.getTime() + 60_000),
        ),
      ).toBe(false);
    },
  );

  it.each(databases.eachSupportedId())(
    'records an abort at once when no command runs, and leaves it to the engine when one does, on %p',
    async databaseId => {
      const { store } = await storeOn(databaseId);
      await store.createRun(
        newRun('run-a'),
        steps,
        ['atkv3-dev'],
        'user:default/pia',
      );
      const now = new Date();
      await store.claimRun(
        'run-a',
        'engine',
        now,
        new Date(now.getTime() + 30_000),
      );
      await store.update({
        runId: 'run-a',
        owner: 'engine',
        step: { key: steps[0].key, patch: { state: 'running' } },
        now,
      });
      expect(
        await store.requestAbort(
          'run-a',
          'user:default/pia',
          'wrong window',
          now,
        ),
      ).toBe('requested');
      expect((await store.getRun('run-a'))?.state).toBe('running');
      // Asked to abort, the engine may only record the abort itself.
      expect(
        await store.update({
          runId: 'run-a',
          owner: 'engine',
          step: { key: steps[0].key, patch: { state: 'succeeded' } },
          now,
        }),
      ).toBe(false);

      await store.createRun(
        newRun('run-b'),
        steps,
        ['atkv3-test'],
        'user:default/pia',
      );
      expect(
        await store.requestAbort('run-b', 'user:default/pia', undefined, now),
      ).toBe('aborted');
      expect((await store.getRun('run-b'))?.state).toBe('aborted');
      expect((await store.getEvents('run-b')).map(e => e.action)).toEqual([
        'started',
        'aborted',
      ]);
      expect(
        await store.requestAbort('run-b', 'user:default/pia', undefined, now),
      ).toBe('ended');
    },
  );
});
