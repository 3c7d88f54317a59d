import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  AccessClusterDrift,
  AccessRuleInput,
} from '@internal/plugin-skip-common';
import type { Knex } from 'knex';
import type { AppliedBindingKey } from '../model/types';
import type { AccessStore, AppliedBinding, StoredRule } from './AccessStore';
import { migrationsConfig } from './migrationsConfig';

const RULES = 'skip_access_rules';
const APPLIED = 'skip_access_applied';
const DRIFT = 'skip_access_drift';

type RuleRow = {
  id: string;
  rule: string;
  created_by: string;
  created_at: string | Date;
  updated_by: string;
  updated_at: string | Date;
};

const toStoredRule = (row: RuleRow): StoredRule => ({
  rule: JSON.parse(row.rule),
  createdBy: row.created_by,
  createdAt: new Date(row.created_at),
  updatedBy: row.updated_by,
  updatedAt: new Date(row.updated_at),
});

const keyColumns = (key: AppliedBindingKey) => ({
  cluster: key.cluster,
  kind: key.kind,
  namespace: key.namespace ?? '',
  name: key.name,
});

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    e.code === '23505' ||
    e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    e.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    /UNIQUE constraint failed|duplicate key/i.test(e.message ?? '')
  );
}

/** {@link AccessStore} on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseAccessStore implements AccessStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAccessStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest(migrationsConfig);
    }
    return new DatabaseAccessStore(client);
  }

  async listRules(): Promise<StoredRule[]> {
    const rows: RuleRow[] = await this.db(RULES).select().orderBy('id');
    return rows.map(toStoredRule);
  }

  async getRule(id: string): Promise<StoredRule | undefined> {
    const row: RuleRow | undefined = await this.db(RULES).where({ id }).first();
    return row && toStoredRule(row);
  }

  async createRule(rule: AccessRuleInput, actor: string): Promise<StoredRule> {
    const now = new Date();
    try {
      await this.db(RULES).insert({
        id: rule.id,
        rule: JSON.stringify(rule),
        created_by: actor,
        created_at: now,
        updated_by: actor,
        updated_at: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`id: a rule '${rule.id}' exists already`);
      }
      throw error;
    }
    return {
      rule,
      createdBy: actor,
      createdAt: now,
      updatedBy: actor,
      updatedAt: now,
    };
  }

  async updateRule(rule: AccessRuleInput, actor: string): Promise<StoredRule> {
    const now = new Date();
    const changed = await this.db(RULES)
      .where({ id: rule.id })
      .update({
        rule: JSON.stringify(rule),
        updated_by: actor,
        updated_at: now,
      });
    if (changed === 0) {
      throw new NotFoundError(`No rule '${rule.id}' in the database`);
    }
    return (await this.getRule(rule.id))!;
  }

  async deleteRule(id: string): Promise<boolean> {
    return (await this.db(RULES).where({ id }).delete()) > 0;
  }

  async appliedBindings(cluster?: string): Promise<AppliedBinding[]> {
    const query = this.db(APPLIED).select();
    if (cluster) query.where({ cluster });
    const rows: Array<{
      cluster: string;
      kind: AppliedBinding['kind'];
      namespace: string;
      name: string;
      rule_id: string;
      rule_fingerprint: string;
    }> = await query;
    return rows.map(row => ({
      cluster: row.cluster,
      kind: row.kind,
      ...(row.namespace ? { namespace: row.namespace } : {}),
      name: row.name,
      ruleId: row.rule_id,
      ruleFingerprint: row.rule_fingerprint,
    }));
  }

  async recordApplied(
    cluster: string,
    applied: AppliedBinding[],
    deleted: AppliedBindingKey[],
  ): Promise<void> {
    const now = new Date();
    await this.db.transaction(async tx => {
      for (const key of deleted) {
        await tx(APPLIED)
          .where(keyColumns({ ...key, cluster }))
          .delete();
      }
      for (const binding of applied) {
        await tx(APPLIED)
          .insert({
            ...keyColumns({ ...binding, cluster }),
            rule_id: binding.ruleId,
            rule_fingerprint: binding.ruleFingerprint,
            applied_at: now,
          })
          .onConflict(['cluster', 'kind', 'namespace', 'name'])
          .merge(['rule_id', 'rule_fingerprint', 'applied_at']);
      }
    });
  }

  async saveDrift(report: AccessClusterDrift, checkedAt: Date): Promise<void> {
    await this.db(DRIFT)
      .insert({
        cluster: report.cluster,
        checked_at: checkedAt,
        report: JSON.stringify(report),
      })
      .onConflict('cluster')
      .merge(['checked_at', 'report']);
  }

  async listDrift(): Promise<
    { report: AccessClusterDrift; checkedAt: Date }[]
  > {
    const rows: Array<{ report: string; checked_at: string | Date }> =
      await this.db(DRIFT).select().orderBy('cluster');
    return rows.map(row => ({
      report: JSON.parse(row.report),
      checkedAt: new Date(row.checked_at),
    }));
  }
}
