import { DatabaseService } from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import type { RememberedCluster } from '../services/FleetCache';
import { ClusterStatusStore } from './ClusterStatusStore';
import { migrationsConfig } from './migrationsConfig';

const TABLE = 'skip_fleet_cluster_status';

type Row = {
  cluster: string;
  kubernetes_version: string | null;
  platform_version: string | null;
  nodes_ready: number | null;
  nodes_total: number | null;
  last_seen_at: string | Date | null;
};

/** {@link ClusterStatusStore} on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseClusterStatusStore implements ClusterStatusStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseClusterStatusStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest(migrationsConfig);
    }
    return new DatabaseClusterStatusStore(client);
  }

  async list(): Promise<RememberedCluster[]> {
    const rows: Row[] = await this.db(TABLE).select();
    return rows.map(row => ({
      cluster: row.cluster,
      kubernetesVersion: row.kubernetes_version ?? undefined,
      platformVersion: row.platform_version ?? undefined,
      nodesReady: row.nodes_ready ?? undefined,
      nodesTotal: row.nodes_total ?? undefined,
      lastSeenAt: row.last_seen_at ? new Date(row.last_seen_at) : undefined,
    }));
  }

  async save(status: RememberedCluster): Promise<void> {
    const row: Row = {
      cluster: status.cluster,
      kubernetes_version: status.kubernetesVersion ?? null,
      platform_version: status.platformVersion ?? null,
      nodes_ready: status.nodesReady ?? null,
      nodes_total: status.nodesTotal ?? null,
      last_seen_at: status.lastSeenAt ?? null,
    };
    // Several replicas report the same cluster: an older report never replaces a newer one.
    await this.db(TABLE)
      .insert(row)
      .onConflict('cluster')
      .merge()
      .where(`${TABLE}.last_seen_at`, '<=', row.last_seen_at ?? new Date(0))
      .orWhereNull(`${TABLE}.last_seen_at`);
  }
}
