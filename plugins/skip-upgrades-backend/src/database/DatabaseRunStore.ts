import type { DatabaseService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import type { Knex } from 'knex';
import { migrationsConfig } from './migrationsConfig';
import type {
  EventRecord,
  OutputRecord,
  RunRecord,
  RunStore,
  StepPatch,
  StepRecord,
} from './RunStore';

const RUNS = 'skip_upgrade_runs';
const STEPS = 'skip_upgrade_steps';
const OUTPUT = 'skip_upgrade_output';
const EVENTS = 'skip_upgrade_events';
const LOCKS = 'skip_upgrade_cluster_locks';

/** States in which a run holds its clusters: everything but a clean end. */
const HOLDING = ['running', 'waiting', 'paused', 'failed'];

type Timestamp = string | Date | null;
const toDate = (v: Timestamp | undefined) => (v ? new Date(v) : undefined);

/** {@link RunStore} on the plugin's own database (SQLite or PostgreSQL). */
export class DatabaseRunStore implements RunStore {
  private constructor(private readonly db: Knex) {}

  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseRunStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest(migrationsConfig);
    }
    return new DatabaseRunStore(client);
  }

  /** For the engine process of the restart tests: a knex client of its own. */
  static async fromKnex(db: Knex): Promise<DatabaseRunStore> {
    await db.migrate.latest(migrationsConfig);
    return new DatabaseRunStore(db);
  }

  async createRun(
    run: Omit<RunRecord, 'abortRequested'>,
    steps: Omit<StepRecord, 'runId'>[],
    clusters: string[],
    actor: string,
  ): Promise<void> {
    await this.db.transaction(async tx => {
      const held = await tx(LOCKS)
        .join(RUNS, `${RUNS}.id`, `${LOCKS}.run_id`)
        .whereIn(`${LOCKS}.cluster`, clusters)
        .select(`${LOCKS}.cluster`, `${LOCKS}.run_id`);
      if (held.length > 0) {
        throw new ConflictError(
          `Cluster ${held[0].cluster} is part of run ${held[0].run_id}, which has not ended; one active run per cluster`,
        );
      }
      await tx(RUNS).insert({
        id: run.id,
        target_version: run.targetVersion,
        scope: JSON.stringify(run.scope),
        plan: JSON.stringify(run.plan),
        state: run.state,
        message: run.message ?? null,
        created_by: run.createdBy,
        created_at: run.createdAt,
        abort_requested: false,
      });
      for (let i = 0; i < steps.length; i += 200) {
        await tx(STEPS).insert(
          steps.slice(i, i + 200).map(s => ({
            run_id: run.id,
            position: s.position,
            key: s.key,
            stage: s.stage,
            kind: s.kind,
            cluster: s.cluster ?? null,
            state: s.state,
            attempts: 0,
          })),
        );
      }
      try {
        // The primary key is the lock: a concurrent start on another replica fails here.
        if (clusters.length)
          await tx(LOCKS).insert(
            clusters.map(cluster => ({ cluster, run_id: run.id })),
          );
      } catch {
        throw new ConflictError(
          `One of ${clusters.join(
            ', ',
          )} was just taken by another run; one active run per cluster`,
        );
      }
      await tx(EVENTS).insert({
        run_id: run.id,
        at: run.createdAt,
        actor,
        action: 'started',
        detail: `${run.targetVersion} on ${clusters.join(', ')}`,
      });
    });
  }

  async getRun(id: string): Promise<RunRecord | undefined> {
    const row = await this.db(RUNS).where({ id }).first();
    return row ? this.toRun(row) : undefined;
  }

  async getSteps(runId: string): Promise<StepRecord[]> {
    const rows = await this.db(STEPS)
      .where({ run_id: runId })
      .orderBy('position');
    return rows.map(r => ({
      runId: r.run_id,
      position: r.position,
      key: r.key,
      stage: r.stage,
      kind: r.kind,
      cluster: r.cluster ?? undefined,
      state: r.state,
      attempts: r.attempts,
      startedAt: toDate(r.started_at),
      finishedAt: toDate(r.finished_at),
      waitingUntil: toDate(r.waiting_until),
      exitCode: r.exit_code ?? undefined,
      message: r.message ?? undefined,
      approvedBy: r.approved_by ?? undefined,
      skippedBy: r.skipped_by ?? undefined,
      detail: r.detail ? JSON.parse(r.detail) : undefined,
    }));
  }

  async getEvents(runId: string): Promise<EventRecord[]> {
    const rows = await this.db(EVENTS).where({ run_id: runId }).orderBy('seq');
    return rows.map(r => ({
      at: new Date(r.at),
      actor: r.actor,
      action: r.action,
      stepKey: r.step_key ?? undefined,
      detail: r.detail ?? undefined,
    }));
  }

  async listRuns(options: {
    active?: boolean;
    limit: number;
  }): Promise<RunRecord[]> {
    let q = this.db(RUNS).orderBy('created_at', 'desc').limit(options.limit);
    if (options.active === true) q = q.whereIn('state', HOLDING);
    if (options.active === false) q = q.whereNotIn('state', HOLDING);
    return (await q).map(r => this.toRun(r));
  }

  async claimableRunIds(now: Date): Promise<string[]> {
    const rows = await this.db(RUNS)
      .whereIn('state', ['running', 'waiting'])
      .andWhere(q =>
        q.whereNull('lease_until').orWhere('lease_until', '<', now),
      )
      .select('id');
    return rows.map(r => r.id);
  }

  async claimRun(
    runId: string,
    owner: string,
    now: Date,
    until: Date,
  ): Promise<boolean> {
    // A conditional update is the lock: on SQLite (no row locks) and PostgreSQL alike, only
    // one engine's update matches a free or expired lease.
    const updated = await this.db(RUNS)
      .where({ id: runId })
      .whereIn('state', ['running', 'waiting'])
      .andWhere(q =>
        q
          .whereNull('lease_until')
          .orWhere('lease_until', '<', now)
          .orWhere('lease_owner', owner),
      )
      .update({ lease_owner: owner, lease_until: until });
    return updated === 1;
  }

  async renewLease(
    runId: string,
    owner: string,
    until: Date,
  ): Promise<boolean> {
    const updated = await this.db(RUNS)
      .where({ id: runId, lease_owner: owner })
      .update({ lease_until: until });
    return updated === 1;
  }

  async releaseLease(runId: string, owner: string): Promise<void> {
    await this.db(RUNS)
      .where({ id: runId, lease_owner: owner })
      .update({ lease_owner: null, lease_until: null });
  }

  async update(change: Parameters<RunStore['update']>[0]): Promise<boolean> {
    return this.db.transaction(async tx => {
      // PostgreSQL: the run row is locked until commit, so a person's action and the engine's
      // step change never interleave; SQLite serialises writers anyway.
      const run = await tx(RUNS)
        .where({ id: change.runId })
        .forUpdate()
        .first();
      if (!run) return false;
      if (change.owner && run.lease_owner !== change.owner) return false;
      // Once someone asked to abort, the engine may only record the abort itself.
      if (
        change.owner &&
        run.abort_requested &&
        change.run?.state !== 'aborted'
      )
        return false;
      if (change.run?.fromStates && !change.run.fromStates.includes(run.state))
        return false;
      if (change.step) {
        const { key, patch, fromStates, countAttempt } = change.step;
        let q = tx(STEPS).where({ run_id: change.runId, key });
        if (fromStates) q = q.whereIn('state', fromStates);
        const row = {
          ...stepRow(patch),
          ...(countAttempt ? { attempts: tx.raw('attempts + 1') } : {}),
        };
        const updated = await q.update(row);
        if (updated !== 1) return false;
      }
      if (change.steps && change.steps.keys.length) {
        // Skipping: a step of these that runs now (the engine took it meanwhile) refuses the whole change.
        const running =
          change.steps.unlessRunning &&
          (await tx(STEPS)
            .where({ run_id: change.runId, state: 'running' })
            .whereIn('key', change.steps.keys)
            .first());
        if (running) return false;
        await tx(STEPS)
          .where({ run_id: change.runId })
          .whereIn('key', change.steps.keys)
          .whereIn('state', change.steps.fromStates)
          .update(stepRow(change.steps.patch));
      }
      if (change.run) {
        const r = change.run;
        const row: Record<string, unknown> = {};
        if (r.state) row.state = r.state;
        if (r.message !== undefined) row.message = r.message;
        if (r.finishedAt) row.finished_at = r.finishedAt;
        if (r.abortRequested !== undefined)
          row.abort_requested = r.abortRequested;
        if (Object.keys(row).length)
          await tx(RUNS).where({ id: change.runId }).update(row);
        if (r.state && !HOLDING.includes(r.state)) {
          await tx(LOCKS).where({ run_id: change.runId }).delete();
          await tx(RUNS)
            .where({ id: change.runId })
            .update({ lease_owner: null, lease_until: null });
        }
      }
      if (change.event) {
        await tx(EVENTS).insert({
          run_id: change.runId,
          at: change.now,
          actor: change.event.actor,
          action: change.event.action,
          step_key: change.event.stepKey ?? null,
          detail: change.event.detail ?? null,
        });
      }
      return true;
    });
  }

  async requestAbort(
    runId: string,
    actor: string,
    reason: string | undefined,
    now: Date,
  ): Promise<'aborted' | 'requested' | 'ended'> {
    return this.db.transaction(async tx => {
      const run = await tx(RUNS).where({ id: runId }).forUpdate().first();
      if (!run || !HOLDING.includes(run.state)) return 'ended';
      await tx(RUNS).where({ id: runId }).update({ abort_requested: true });
      const detail = reason ? `reason: ${reason}` : undefined;
      const running = await tx(STEPS)
        .where({ run_id: runId, state: 'running' })
        .first();
      const leaseLive = run.lease_until && new Date(run.lease_until) > now;
      if (running && leaseLive) {
        // The engine that runs the step interrupts it and records the abort with its exit code.
        await tx(EVENTS).insert({
          run_id: runId,
          at: now,
          actor,
          action: 'abort-requested',
          step_key: running.key,
          detail: detail ?? null,
        });
        return 'requested';
      }
      await tx(STEPS)
        .where({ run_id: runId })
        .whereIn('state', ['running', 'waiting'])
        .update({
          state: 'aborted',
          finished_at: now,
          message: 'Interrupted by an abort',
        });
      await tx(RUNS)
        .where({ id: runId })
        .update({
          state: 'aborted',
          finished_at: now,
          message: `Aborted by ${actor}${reason ? `: ${reason}` : ''}`,
          lease_owner: null,
          lease_until: null,
        });
      await tx(LOCKS).where({ run_id: runId }).delete();
      await tx(EVENTS).insert({
        run_id: runId,
        at: now,
        actor,
        action: 'aborted',
        detail: detail ?? null,
      });
      return 'aborted';
    });
  }

  async appendOutput(
    runId: string,
    stepKey: string,
    attempt: number,
    lines: { stream: OutputRecord['stream']; line: string; at: Date }[],
  ): Promise<void> {
    for (let i = 0; i < lines.length; i += 200) {
      await this.db(OUTPUT).insert(
        lines.slice(i, i + 200).map(l => ({
          run_id: runId,
          step_key: stepKey,
          attempt,
          stream: l.stream,
          line: l.line,
          at: l.at,
        })),
      );
    }
  }

  async readOutput(
    runId: string,
    stepKey: string,
    after: number,
    limit: number,
  ): Promise<OutputRecord[]> {
    const rows = await this.db(OUTPUT)
      .where({ run_id: runId, step_key: stepKey })
      .andWhere('seq', '>', after)
      .orderBy('seq')
      .limit(limit);
    return rows.map(r => ({
      seq: Number(r.seq),
      attempt: r.attempt,
      stream: r.stream,
      line: r.line,
      at: new Date(r.at),
    }));
  }

  private toRun(row: Record<string, any>): RunRecord {
    return {
      id: row.id,
      targetVersion: row.target_version,
      scope: JSON.parse(row.scope),
      plan: JSON.parse(row.plan),
      state: row.state,
      message: row.message ?? undefined,
      createdBy: row.created_by,
      createdAt: new Date(row.created_at),
      finishedAt: toDate(row.finished_at),
      abortRequested: !!row.abort_requested,
      leaseOwner: row.lease_owner ?? undefined,
      leaseUntil: toDate(row.lease_until),
    };
  }
}

function stepRow(patch: StepPatch): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  if (patch.state) row.state = patch.state;
  if (patch.startedAt !== undefined) row.started_at = patch.startedAt;
  if (patch.finishedAt !== undefined) row.finished_at = patch.finishedAt;
  if (patch.waitingUntil !== undefined) row.waiting_until = patch.waitingUntil;
  if (patch.exitCode !== undefined) row.exit_code = patch.exitCode;
  if (patch.message !== undefined) row.message = patch.message;
  if (patch.approvedBy !== undefined) row.approved_by = patch.approvedBy;
  if (patch.skippedBy !== undefined) row.skipped_by = patch.skippedBy;
  if (patch.detail !== undefined) row.detail = JSON.stringify(patch.detail);
  return row;
}
