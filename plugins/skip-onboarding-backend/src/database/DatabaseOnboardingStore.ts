import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import type {
  PrefixRequest,
  PrefixRequestEvent,
  PrefixRequestState,
} from '@internal/plugin-skip-common';
import type { Knex } from 'knex';
import { migrationsConfig } from './migrationsConfig';
import type { OnboardingStore, PrefixClaim } from './OnboardingStore';

const REQUESTS = 'skip_onboarding_requests';
const CLAIMS = 'skip_onboarding_claims';

type Timestamp = string | Date | null | undefined;
const iso = (v: Timestamp) => (v ? new Date(v).toISOString() : undefined);

type RequestRow = {
  id: string;
  team: string;
  prefix: string;
  reason: string | null;
  state: PrefixRequestState;
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp;
  decision: string | null;
  git_branch: string | null;
  history: string;
};

function toRequest(row: RequestRow): PrefixRequest {
  return {
    id: row.id,
    team: row.team,
    prefix: row.prefix,
    ...(row.reason ? { reason: row.reason } : {}),
    state: row.state,
    requestedBy: row.requested_by,
    requestedAt: iso(row.requested_at)!,
    ...(row.decided_by ? { decidedBy: row.decided_by } : {}),
    ...(row.decided_at ? { decidedAt: iso(row.decided_at) } : {}),
    ...(row.decision ? { decision: row.decision } : {}),
    ...(row.git_branch ? { gitBranch: row.git_branch } : {}),
    history: JSON.parse(row.history),
  };
}

type ClaimRow = {
  prefix: string;
  team: string;
  request_id: string;
  state: PrefixClaim['state'];
  created_at: Timestamp;
  retired_by: string | null;
  retired_at: Timestamp;
};

function toClaim(row: ClaimRow): PrefixClaim {
  return {
    prefix: row.prefix,
    team: row.team,
    requestId: row.request_id,
    state: row.state,
    createdAt: new Date(row.created_at!),
    ...(row.retired_by ? { retiredBy: row.retired_by } : {}),
    ...(row.retired_at ? { retiredAt: new Date(row.retired_at) } : {}),
  };
}

/** {@link OnboardingStore} on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseOnboardingStore implements OnboardingStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseOnboardingStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest(migrationsConfig);
    }
    return new DatabaseOnboardingStore(client);
  }

  async createRequest(
    request: PrefixRequest,
    overlap: (held: PrefixClaim[]) => string | undefined,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      await this.lockClaims(tx);
      const held = (
        await tx<ClaimRow>(CLAIMS).whereIn('state', ['pending', 'active'])
      ).map(toClaim);
      const conflict = overlap(held);
      if (conflict) throw new ConflictError(conflict);
      // A prefix given back may be claimed again.
      await tx(CLAIMS)
        .where({ prefix: request.prefix, state: 'retired' })
        .delete();
      await tx(CLAIMS).insert({
        prefix: request.prefix,
        team: request.team,
        request_id: request.id,
        state: 'pending',
        created_at: new Date(request.requestedAt),
      });
      await tx(REQUESTS).insert({
        id: request.id,
        team: request.team,
        prefix: request.prefix,
        reason: request.reason ?? null,
        state: request.state,
        requested_by: request.requestedBy,
        requested_at: new Date(request.requestedAt),
        history: JSON.stringify(request.history),
      });
    });
  }

  /**
   * Serialises every transaction that reads the claims to add one. PostgreSQL: a table lock
   * that conflicts with itself (reads by others go on). SQLite: a write first, so the
   * transaction takes the database's write lock before it reads.
   */
  private async lockClaims(tx: Knex.Transaction): Promise<void> {
    if (this.db.client.config.client === 'pg') {
      await tx.raw(`LOCK TABLE ${CLAIMS} IN SHARE ROW EXCLUSIVE MODE`);
    } else {
      await tx(CLAIMS).where({ prefix: '' }).delete();
    }
  }

  async getRequest(id: string): Promise<PrefixRequest | undefined> {
    const row = await this.db<RequestRow>(REQUESTS).where({ id }).first();
    return row && toRequest(row);
  }

  async listRequests(query: {
    team?: string;
    state?: PrefixRequestState;
  }): Promise<PrefixRequest[]> {
    const rows = this.db<RequestRow>(REQUESTS).orderBy('requested_at', 'desc');
    if (query.team) rows.where({ team: query.team });
    if (query.state) rows.where({ state: query.state });
    return (await rows).map(toRequest);
  }

  async decide(
    id: string,
    decision: {
      state: 'approved' | 'rejected';
      decidedBy: string;
      decision?: string;
      event: PrefixRequestEvent;
    },
  ): Promise<PrefixRequest> {
    return this.db.transaction(async tx => {
      const row = await tx<RequestRow>(REQUESTS).where({ id }).first();
      if (!row) throw new NotFoundError(`requestId: no request '${id}'`);
      const changed = await tx(REQUESTS)
        .where({ id, state: 'pending' })
        .update({
          state: decision.state,
          decided_by: decision.decidedBy,
          decided_at: new Date(decision.event.at),
          decision: decision.decision ?? null,
          history: JSON.stringify([...JSON.parse(row.history), decision.event]),
        });
      if (changed === 0) {
        throw new ConflictError(
          `Request '${id}' is ${row.state}, not pending; it was decided already`,
        );
      }
      if (decision.state === 'approved') {
        await tx(CLAIMS)
          .where({ request_id: id, state: 'pending' })
          .update({ state: 'active' });
      } else {
        await tx(CLAIMS).where({ request_id: id, state: 'pending' }).delete();
      }
      return toRequest((await tx<RequestRow>(REQUESTS).where({ id }).first())!);
    });
  }

  async addEvent(
    id: string,
    event: PrefixRequestEvent,
    gitBranch?: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const row = await tx<RequestRow>(REQUESTS).where({ id }).first();
      if (!row) throw new NotFoundError(`requestId: no request '${id}'`);
      await tx(REQUESTS)
        .where({ id })
        .update({
          history: JSON.stringify([...JSON.parse(row.history), event]),
          ...(gitBranch ? { git_branch: gitBranch } : {}),
        });
    });
  }

  async listClaims(): Promise<PrefixClaim[]> {
    return (await this.db<ClaimRow>(CLAIMS).orderBy('prefix')).map(toClaim);
  }

  async retire(prefix: string, by: string): Promise<PrefixClaim> {
    return this.db.transaction(async tx => {
      const changed = await tx(CLAIMS)
        .where({ prefix, state: 'active' })
        .update({ state: 'retired', retired_by: by, retired_at: new Date() });
      if (changed === 0) {
        throw new ConflictError(`prefix: '${prefix}' is not an active prefix`);
      }
      return toClaim((await tx<ClaimRow>(CLAIMS).where({ prefix }).first())!);
    });
  }
}
