import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { DatabaseClusterStatusStore } from './DatabaseClusterStatusStore';
import { migrationsConfig } from './migrationsConfig';

jest.setTimeout(60_000);

/** Tables of the current schema, without the migration bookkeeping. */
async function tablesOf(knex: Knex): Promise<string[]> {
  const rows: { name: string }[] =
    knex.client.config.client === 'pg'
      ? await knex
          .raw(
            'select tablename as name from pg_tables where schemaname = current_schema()',
          )
          .then((r: { rows: { name: string }[] }) => r.rows)
      : await knex.raw(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
        );
  return rows
    .map(r => r.name)
    .filter(name => !name.startsWith(migrationsConfig.tableName))
    .sort();
}

describe('DatabaseClusterStatusStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    // PostgreSQL comes from BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (what
    // scripts/postgres.sh sets), never from a container: without it the guard below fails
    // with instructions instead of testcontainers failing obscurely, or (outside CI) the
    // PostgreSQL runs silently disappearing.
    disableDocker: true,
  });
  // scripts/test.sh requires PostgreSQL whatever else is set.
  const sqliteOnly =
    process.env.SKIP_TEST_SQLITE_ONLY === '1' &&
    process.env.SKIP_TEST_REQUIRE_POSTGRES !== '1';
  const unlessSqliteOnly = sqliteOnly ? describe.skip : describe;

  unlessSqliteOnly('test databases', () => {
    it('include PostgreSQL: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (scripts/test.sh does, through scripts/postgres.sh), or SKIP_TEST_SQLITE_ONLY=1 to run on SQLite only', () => {
      expect(databases.eachSupportedId().map(([id]) => id)).toEqual([
        'SQLITE_3',
        'POSTGRES_15',
      ]);
    });
  });

  it.each(databases.eachSupportedId())(
    'migrates down to an empty schema and up again, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest(migrationsConfig);
      expect(await tablesOf(knex)).toEqual(['skip_fleet_cluster_status']);

      await knex.migrate.rollback(migrationsConfig, true);
      expect(await tablesOf(knex)).toEqual([]);
      const [completed] = await knex.migrate.list(migrationsConfig);
      expect(completed).toEqual([]);

      // Up after down: a down that left something behind would make this fail.
      await knex.migrate.latest(migrationsConfig);
      expect(await tablesOf(knex)).toEqual(['skip_fleet_cluster_status']);
    },
  );

  it.each(databases.eachSupportedId())(
    'remembers the last report of each cluster across restarts, on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const database = mockServices.database({
        knex,
        migrations: { skip: false },
      });
      const store = await DatabaseClusterStatusStore.create({ database });
      const seen = new Date('2026-11-24T10:00:00.000Z');
      await store.save({
        cluster: 'atkv3-dev',
        kubernetesVersion: 'v1.30.7-gke.1500',
        platformVersion: '1.30.400-gke.133',
        nodesReady: 3,
        nodesTotal: 4,
        lastSeenAt: seen,
      });
      await store.save({ cluster: 'atgcp1-dev', lastSeenAt: seen });
      const newest = {
        cluster: 'atkv3-dev',
        kubernetesVersion: 'v1.31.2-gke.100',
        platformVersion: '1.31.100-gke.59',
        nodesReady: 4,
        nodesTotal: 4,
        lastSeenAt: new Date('2026-11-24T10:05:00.000Z'),
      };
      await store.save(newest);

      // A replica that saw the cluster earlier does not roll the newer report back.
      await store.save({
        cluster: 'atkv3-dev',
        kubernetesVersion: 'v1.30.7-gke.1500',
        nodesReady: 1,
        nodesTotal: 4,
        lastSeenAt: seen,
      });

      const reopened = await DatabaseClusterStatusStore.create({ database });
      const rows = (await reopened.list()).sort((a, b) =>
        a.cluster.localeCompare(b.cluster),
      );
      expect(rows).toEqual([
        {
          cluster: 'atgcp1-dev',
          kubernetesVersion: undefined,
          platformVersion: undefined,
          nodesReady: undefined,
          nodesTotal: undefined,
          lastSeenAt: seen,
        },
        newest,
      ]);
    },
  );
});
