import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import { DatabaseClusterStatusStore } from './DatabaseClusterStatusStore';

jest.setTimeout(60_000);

describe('DatabaseClusterStatusStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  it('runs on PostgreSQL too when the test command provides one', () => {
    const required = process.env.SKIP_TEST_REQUIRE_POSTGRES === '1';
    const ids = databases.eachSupportedId().map(([id]) => id);
    expect(required ? ids : ['POSTGRES_15']).toContain('POSTGRES_15');
  });

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
      await store.save({
        cluster: 'atkv3-dev',
        kubernetesVersion: 'v1.31.2-gke.100',
        platformVersion: '1.31.100-gke.59',
        nodesReady: 4,
        nodesTotal: 4,
        lastSeenAt: new Date('2026-11-24T10:05:00.000Z'),
      });

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
        {
          cluster: 'atkv3-dev',
          kubernetesVersion: 'v1.31.2-gke.100',
          platformVersion: '1.31.100-gke.59',
          nodesReady: 4,
          nodesTotal: 4,
          lastSeenAt: new Date('2026-11-24T10:05:00.000Z'),
        },
      ]);
    },
  );
});
