import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  BackstageCredentials,
  BackstageUserPrincipal,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { StartUpgradeRunRequest } from '@internal/plugin-skip-common';
import { audited } from '@internal/plugin-skip-node';
import { randomUUID } from 'node:crypto';
import type { RunRecord, RunStore, StepRecord } from '../../database/RunStore';
import { rulesFor } from '../../rules/releases';
import type { PlanBuilder } from '../PlanBuilder/PlanBuilder';
import type { UpgradeAccess } from '../UpgradeAccess/UpgradeAccess';

/** A person acting on runs: credentials decide, the request names them in the audit log. */
export type Actor = {
  credentials: BackstageCredentials<BackstageUserPrincipal>;
  request?: AuditorServiceCreateEventOptions['request'];
};

const UPGRADE_KINDS = new Set([
  'upgrade-user-cluster',
  'upgrade-admin-cluster',
]);

/**
 * What people do to runs: start one from a previewed plan, pause, resume, approve a gate,
 * retry a failed step, skip a cluster, abort. Each is checked, audited and recorded as a
 * run event in the same transaction as its change; the engine does the rest.
 */
export class UpgradeRuns {
  private constructor(
    private readonly options: {
      store: RunStore;
      plans: PlanBuilder;
      access: UpgradeAccess;
      auditor: AuditorService;
      /** Wakes the engine and the open pages. */
      onChange(runId: string): void;
    },
  ) {}

  static create(options: UpgradeRuns['options']): UpgradeRuns {
    return new UpgradeRuns(options);
  }

  private audited<T>(
    actor: Actor,
    action: string,
    meta: Record<string, string>,
    change: () => Promise<T>,
  ): Promise<T> {
    const severityLevel =
      action === 'start' || action === 'approve' || action === 'abort'
        ? 'high'
        : 'medium';
    return audited(
      this.options.auditor,
      {
        eventId: 'upgrade-run',
        severityLevel,
        request: actor.request,
        meta: { action, ...meta },
      },
      change,
    );
  }

  async start(actor: Actor, request: StartUpgradeRunRequest): Promise<string> {
    await this.options.access.require(actor.credentials, 'operate');
    const who = actor.credentials.principal.userEntityRef;
    return this.audited(
      actor,
      'start',
      {
        targetVersion: request.targetVersion,
        scope: JSON.stringify(request.scope),
      },
      async () => {
        const plan = await this.options.plans.build({
          targetVersion: request.targetVersion,
          scope: request.scope,
          gates: request.gates,
        });
        if (plan.digest !== request.planDigest) {
          throw new ConflictError(
            `planDigest: ${request.planDigest} is not the plan as it is now (the fleet moved on since the preview); preview it again and start the plan you see`,
          );
        }
        const id = `run-${new Date()
          .toISOString()
          .slice(0, 10)}-${randomUUID().slice(0, 8)}`;
        const steps = plan.stages.flatMap(stage =>
          stage.steps.map(s => ({ stage: stage.name, s })),
        );
        const now = new Date();
        // Every cluster the run touches, and the admin clusters of its user clusters: one change per admin cluster.
        const clusters = new Set<string>();
        for (const c of plan.clusters) clusters.add(c.name);
        for (const { s } of steps) if (s.cluster) clusters.add(s.cluster);
        // One change per admin workstation too: two runs must not both upgrade gkeadm on it.
        for (const { s } of steps)
          if (
            s.kind === 'upgrade-gkeadm' ||
            s.kind === 'upgrade-admin-workstation'
          )
            clusters.add(`workstation:${s.site}`);
        await this.options.store.createRun(
          {
            id,
            targetVersion: plan.targetVersion,
            scope: plan.scope,
            plan,
            state: 'running',
            createdBy: who,
            createdAt: now,
          },
          steps.map(({ stage, s }, position) => ({
            position,
            key: s.key,
            stage,
            kind: s.kind,
            cluster: s.cluster,
            state: 'pending',
            attempts: 0,
          })),
          [...clusters],
          who,
        );
        this.options.onChange(id);
        return id;
      },
    );
  }

  private async load(
    runId: string,
  ): Promise<{ run: RunRecord; steps: StepRecord[] }> {
    const run = await this.options.store.getRun(runId);
    if (!run) throw new NotFoundError(`No upgrade run ${runId}`);
    return { run, steps: await this.options.store.getSteps(runId) };
  }

  private async change(
    runId: string,
    ok: boolean,
    refusal: string,
  ): Promise<void> {
    if (!ok) throw new ConflictError(refusal);
    this.options.onChange(runId);
  }

  async pause(actor: Actor, runId: string): Promise<void> {
    await this.options.access.require(actor.credentials, 'operate');
    const { run } = await this.load(runId);
    await this.audited(actor, 'pause', { runId }, async () => {
      const ok = await this.options.store.update({
        runId,
        run: {
          state: 'paused',
          message: `Paused by ${actor.credentials.principal.userEntityRef}; a running step finishes first`,
          fromStates: ['running', 'waiting'],
        },
        event: {
          actor: actor.credentials.principal.userEntityRef,
          action: 'paused',
        },
        now: new Date(),
      });
      await this.change(
        runId,
        ok,
        `Run ${runId} is ${run.state}; only a running or waiting run can be paused`,
      );
    });
  }

  async resume(actor: Actor, runId: string): Promise<void> {
    await this.options.access.require(actor.credentials, 'operate');
    const { run } = await this.load(runId);
    await this.audited(actor, 'resume', { runId }, async () => {
      const ok = await this.options.store.update({
        runId,
        run: { state: 'running', message: null, fromStates: ['paused'] },
        event: {
          actor: actor.credentials.principal.userEntityRef,
          action: 'resumed',
        },
        now: new Date(),
      });
      await this.change(
        runId,
        ok,
        `Run ${runId} is ${run.state}; only a paused run can be resumed`,
      );
    });
  }

  async abort(
    actor: Actor,
    runId: string,
    reason: string | undefined,
  ): Promise<void> {
    await this.options.access.require(actor.credentials, 'abort');
    await this.load(runId);
    await this.audited(
      actor,
      'abort',
      { runId, reason: reason ?? '' },
      async () => {
        const outcome = await this.options.store.requestAbort(
          runId,
          actor.credentials.principal.userEntityRef,
          reason,
          new Date(),
        );
        await this.change(
          runId,
          outcome !== 'ended',
          `Run ${runId} has already ended`,
        );
      },
    );
  }

  async approve(
    actor: Actor,
    runId: string,
    stepKey: string,
    reason: string | undefined,
  ): Promise<void> {
    await this.options.access.require(actor.credentials, 'approve');
    const { run, steps } = await this.load(runId);
    const gate = steps.find(s => s.key === stepKey);
    if (!gate) throw new NotFoundError(`Run ${runId} has no step ${stepKey}`);
    if (gate.kind !== 'approval')
      throw new ConflictError(`Step ${stepKey} is not an approval gate`);
    const who = actor.credentials.principal.userEntityRef;
    const fourEyes = this.options.access.fourEyesProblem(run, gate, who);
    if (fourEyes) {
      await this.audited(actor, 'approve', { runId, stepKey }, async () => {
        throw new NotAllowedError(fourEyes);
      });
    }
    await this.audited(actor, 'approve', { runId, stepKey }, async () => {
      const now = new Date();
      const ok = await this.options.store.update({
        runId,
        step: {
          key: stepKey,
          patch: {
            state: 'succeeded',
            finishedAt: now,
            approvedBy: who,
            // approvedBy names who; the message keeps only what they wrote.
            message: reason ? `“${reason}”` : null,
          },
          fromStates: ['waiting'],
        },
        run: {
          state: 'running',
          message: null,
          fromStates: ['waiting', 'running'],
        },
        event: { actor: who, action: 'approved', stepKey, detail: reason },
        now,
      });
      await this.change(
        runId,
        ok,
        `Step ${stepKey} is ${gate.state}, not waiting for approval (or the run is ${run.state})`,
      );
    });
  }

  async retry(actor: Actor, runId: string, stepKey: string): Promise<void> {
    await this.options.access.require(actor.credentials, 'operate');
    const { run, steps } = await this.load(runId);
    const step = steps.find(s => s.key === stepKey);
    if (!step) throw new NotFoundError(`Run ${runId} has no step ${stepKey}`);
    await this.audited(actor, 'retry', { runId, stepKey }, async () => {
      const ok = await this.options.store.update({
        runId,
        step: {
          key: stepKey,
          patch: {
            state: 'pending',
            finishedAt: null,
            exitCode: null,
            message: null,
            waitingUntil: null,
          },
          fromStates: ['failed'],
        },
        run: { state: 'running', message: null, fromStates: ['failed'] },
        event: {
          actor: actor.credentials.principal.userEntityRef,
          action: 'retried',
          stepKey,
        },
        now: new Date(),
      });
      await this.change(
        runId,
        ok,
        `Step ${stepKey} is ${step.state} in a ${run.state} run; only a failed step of a failed run can be retried`,
      );
    });
  }

  async skipCluster(
    actor: Actor,
    runId: string,
    cluster: string,
    reason: string,
  ): Promise<void> {
    await this.options.access.require(actor.credentials, 'operate');
    const { run, steps } = await this.load(runId);
    if (!['running', 'waiting', 'paused', 'failed'].includes(run.state)) {
      throw new ConflictError(
        `Run ${runId} has ${
          run.state === 'succeeded' ? 'succeeded' : 'been aborted'
        }; nothing is left to skip`,
      );
    }
    const mine = steps.filter(s => s.cluster === cluster);
    if (mine.length === 0)
      throw new NotFoundError(`Run ${runId} does not touch cluster ${cluster}`);
    if (mine.some(s => s.state === 'running'))
      throw new ConflictError(
        `A step of ${cluster} is running; pause or abort the run first`,
      );
    const planned = run.plan.clusters.find(c => c.name === cluster);
    if (
      planned?.role === 'admin' &&
      rulesFor(run.targetVersion).adminAtLeastUsers
    ) {
      const waitingUsers = steps.filter(
        s =>
          UPGRADE_KINDS.has(s.kind) &&
          s.state === 'pending' &&
          run.plan.stages.some(st =>
            st.steps.some(p => p.key === s.key && p.cluster !== cluster),
          ),
      );
      const users = waitingUsers
        .map(s => s.cluster)
        .filter(c =>
          run.plan.clusters.some(p => p.name === c && p.role === 'user'),
        );
      const managed = users.filter(u => u && this.adminOf(run, u) === cluster);
      if (managed.length) {
        throw new ConflictError(
          `rule admin-at-least-users: from 1.31 ${cluster} must be upgraded before ${managed.join(
            ', ',
          )}; skip those clusters first`,
        );
      }
    }
    const who = actor.credentials.principal.userEntityRef;
    await this.audited(
      actor,
      'skip-cluster',
      { runId, cluster, reason },
      async () => {
        const now = new Date();
        const ok = await this.options.store.update({
          runId,
          steps: {
            keys: mine.map(s => s.key),
            unlessRunning: true,
            patch: {
              state: 'skipped',
              skippedBy: who,
              message: `Skipped: ${reason}`,
              finishedAt: now,
            },
            fromStates: ['pending', 'failed', 'waiting'],
          },
          // A run stopped by this cluster's failed step goes on without it.
          run:
            run.state === 'failed' && mine.some(s => s.state === 'failed')
              ? { state: 'running', message: null, fromStates: ['failed'] }
              : { fromStates: ['running', 'waiting', 'paused', 'failed'] },
          event: {
            actor: who,
            action: 'skipped-cluster',
            detail: `${cluster}: ${reason}`,
          },
          now,
        });
        await this.change(
          runId,
          ok,
          `Run ${runId} changed meanwhile; look again`,
        );
      },
    );
  }

  private adminOf(run: RunRecord, cluster: string): string | undefined {
    return run.plan.clusters.find(c => c.name === cluster)?.adminCluster;
  }
}
