import {
  COMMAND_STEP_KINDS,
  UpgradePlanStep,
} from '@internal/plugin-skip-common';
import type { AuditorService } from '@backstage/backend-plugin-api';
import type { UpgradesConfig } from '../../config/upgradesConfig';
import type { RunRecord, RunStore, StepRecord } from '../../database/RunStore';
import type { UpgradeDriver } from '../Drivers/types';
import { ClusterChecks } from './clusterChecks';
import { isInWindow, nextOpening } from './timeWindows';
import type { EngineLogger, RunNotifier } from './types';

type Line = { stream: 'stdout' | 'stderr' | 'portal'; line: string; at: Date };

/** How long a postflight waits for the fleet cache to see the upgraded cluster settle. */
const POSTFLIGHT_PATIENCE_MS = 30_000;

/** What an engine is made of. */
export type RunEngineOptions = {
  store: RunStore;
  driver: UpgradeDriver;
  checks: ClusterChecks;
  config: UpgradesConfig;
  logger: EngineLogger;
  notifier: RunNotifier;
  /** This engine's name in leases: unique per process. */
  ownerId: string;
  onChange?: (runId: string) => void;
  now?: () => Date;
  /** Every command on a workstation or cluster is an audit event, named after who started the run. */
  auditor?: AuditorService;
};

/**
 * Drives runs from the database. Every replica ticks; a run is driven by the engine that
 * holds its lease (a conditional update, renewed while it works), so a step runs on one
 * replica only. A step is marked running before its command starts; an engine that finds
 * a running step it did not start (the previous owner died) asks the cluster whether the
 * step reached its end before anything runs again.
 */
export class RunEngine {
  private readonly driving = new Map<string, Promise<void>>();
  private readonly controllers = new Map<string, AbortController>();
  private stopped = false;
  private ticking = false;

  private constructor(
    private readonly options: Required<Omit<RunEngineOptions, 'auditor'>> &
      Pick<RunEngineOptions, 'auditor'>,
  ) {}

  static create(options: RunEngineOptions): RunEngine {
    return new RunEngine({
      ...options,
      onChange: options.onChange ?? (() => {}),
      now: options.now ?? (() => new Date()),
    });
  }

  private get leaseMs() {
    return this.options.config.engine.leaseSeconds * 1000;
  }

  /** Looks for runs this engine may drive and starts driving them. */
  async tick(): Promise<void> {
    // The scheduler and people's actions both tick; one at a time, so a run is never taken twice here.
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    try {
      await this.claimAndDrive();
    } finally {
      this.ticking = false;
    }
  }

  private async claimAndDrive(): Promise<void> {
    const ids = await this.options.store.claimableRunIds(this.options.now());
    for (const id of ids) {
      if (this.driving.has(id)) continue;
      const now = this.options.now();
      if (
        !(await this.options.store.claimRun(
          id,
          this.options.ownerId,
          now,
          new Date(now.getTime() + this.leaseMs),
        ))
      )
        continue;
      const drive = this.drive(id)
        .catch(error =>
          this.options.logger.error(
            `Upgrade run ${id}: ${(error as Error).message}`,
          ),
        )
        .finally(async () => {
          this.driving.delete(id);
          await this.options.store
            .releaseLease(id, this.options.ownerId)
            .catch(() => {});
        });
      this.driving.set(id, drive);
    }
  }

  /**
   * Stops taking runs. A command that runs now is left alone: gkectl's upgrade goes on on
   * the workstation, and the engine that takes the run next checks the cluster first.
   */
  stop(): void {
    this.stopped = true;
  }

  /** Runs this engine drives now (tests). */
  drivingNow(): string[] {
    return [...this.driving.keys()];
  }

  private async drive(runId: string): Promise<void> {
    const { store } = this.options;
    const controller = new AbortController();
    this.controllers.set(runId, controller);
    let lost = false;
    // Renew the lease and look for an abort request about once a second.
    let renewedAt = Date.now();
    const heartbeat = setInterval(async () => {
      try {
        const until = new Date(this.options.now().getTime() + this.leaseMs);
        if (!(await store.renewLease(runId, this.options.ownerId, until))) {
          lost = true;
          controller.abort('lease lost');
          return;
        }
        renewedAt = Date.now();
        if ((await store.getRun(runId))?.abortRequested)
          controller.abort('abort requested');
      } catch (error) {
        this.options.logger.warn(
          `Upgrade run ${runId}: lease renewal failed: ${
            (error as Error).message
          }`,
        );
        // Unrenewed, the lease lapses and another replica may take the run: stop first.
        if (Date.now() - renewedAt > this.leaseMs * 0.6) {
          lost = true;
          controller.abort('lease lost');
        }
      }
    }, Math.min(1000, this.leaseMs / 3));
    // The lease says who drives; a timer of its own must not keep a stopping process alive.
    heartbeat.unref?.();
    try {
      for (;;) {
        if (lost || this.stopped) return;
        const done = await this.advance(runId, controller);
        if (done) return;
      }
    } finally {
      clearInterval(heartbeat);
      this.controllers.delete(runId);
    }
  }

  /** One move of a run; true when the engine should let go of it for now. */
  private async advance(
    runId: string,
    controller: AbortController,
  ): Promise<boolean> {
    const { store } = this.options;
    const run = await store.getRun(runId);
    if (!run || (run.state !== 'running' && run.state !== 'waiting'))
      return true;
    const steps = await store.getSteps(runId);
    if (run.abortRequested) {
      await this.finishAbort(run, steps, undefined);
      return true;
    }
    const step = steps.find(
      s => s.state !== 'succeeded' && s.state !== 'skipped',
    );
    if (!step) {
      await this.endRun(
        run,
        'succeeded',
        `Every step done: ${run.plan.clusters.map(c => c.name).join(', ')} at ${
          run.targetVersion
        }`,
      );
      return true;
    }
    if (step.state === 'failed' || step.state === 'aborted') return true;
    const planStep = this.planStep(run, step.key);
    if (step.state === 'waiting' && run.state !== 'waiting') {
      // A gate that waited before a pause and resume still waits: say so again.
      await this.options.store.update({
        runId: run.id,
        owner: this.options.ownerId,
        run: {
          state: 'waiting',
          message:
            planStep.kind === 'approval'
              ? `Waiting for approval: ${planStep.title}`
              : planStep.title,
          fromStates: ['running'],
        },
        now: this.options.now(),
      });
      await this.changed(run.id);
    }
    if (planStep.kind === 'approval')
      return this.approvalGate(run, step, planStep);
    if (planStep.kind === 'time-window')
      return this.timeWindowGate(run, step, planStep);
    if (planStep.kind === 'soak')
      return this.soakGate(run, steps, step, planStep);
    if (step.state === 'running') {
      const recovered = await this.recover(run, step, planStep);
      if (recovered !== 'run-again') return recovered === 'wait';
    } else if (await this.outsideWindow(run, planStep)) {
      return true;
    }
    await this.runStep(
      run,
      step,
      planStep,
      controller,
      step.state === 'running' ? ['running'] : ['pending'],
    );
    return controller.signal.aborted;
  }

  /**
   * An upgrade starts only inside its environment's window: a stage that opened at 06:55
   * does not go on upgrading prod clusters at noon.
   */
  private async outsideWindow(
    run: RunRecord,
    planStep: UpgradePlanStep,
  ): Promise<boolean> {
    if (
      planStep.kind !== 'upgrade-user-cluster' &&
      planStep.kind !== 'upgrade-admin-cluster'
    )
      return false;
    const environment = run.plan.clusters.find(
      c => c.name === planStep.cluster,
    )?.environment;
    const window = environment
      ? this.options.config.gates.windows[environment]
      : undefined;
    const now = this.options.now();
    if (!window || isInWindow(window, now)) return false;
    const opens = nextOpening(window, now);
    await this.options.store.update({
      runId: run.id,
      owner: this.options.ownerId,
      run: {
        state: 'waiting',
        message: `${planStep.title}: outside the ${environment} window${
          opens ? `, opens ${opens.toISOString()}` : ''
        }`,
        fromStates: ['running', 'waiting'],
      },
      now,
    });
    await this.changed(run.id);
    return true;
  }

  private planStep(
    run: RunRecord,
    key: string,
  ): UpgradePlanStep & { site: string } {
    for (const stage of run.plan.stages) {
      const step = stage.steps.find(s => s.key === key);
      if (step) return { ...step, site: step.site ?? '' };
    }
    throw new Error(`step ${key} is not in the plan of run ${run.id}`);
  }

  private async changed(runId: string) {
    this.options.onChange(runId);
  }

  /** A step left running by an engine that died: check the cluster before running anything again. */
  private async recover(
    run: RunRecord,
    step: StepRecord,
    planStep: UpgradePlanStep & { site: string },
  ): Promise<'done' | 'wait' | 'run-again'> {
    const { store, driver, ownerId } = this.options;
    const now = this.options.now();
    const found = COMMAND_STEP_KINDS.has(planStep.kind)
      ? await driver.verify(planStep, run.targetVersion)
      : 'not-reached';
    if (found === 'reached') {
      await store.appendOutput(run.id, step.key, step.attempts, [
        {
          stream: 'portal',
          line: `The portal restarted while this step ran; ${
            planStep.cluster ?? planStep.site
          } already reports ${run.targetVersion}, so it is not run again.`,
          at: now,
        },
      ]);
      await store.update({
        runId: run.id,
        owner: ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'succeeded',
            finishedAt: now,
            exitCode: 0,
            message: 'Verified on the cluster after a restart; not run again',
          },
          fromStates: ['running'],
        },
        event: {
          actor: 'engine',
          action: 'step-verified',
          stepKey: step.key,
          detail: `reached ${run.targetVersion} before the restart`,
        },
        now,
      });
      await this.changed(run.id);
      return 'done';
    }
    if (found === 'in-progress') {
      const patienceMs = Math.max(planStep.expectedSeconds * 3, 1800) * 1000;
      if (
        step.startedAt &&
        now.getTime() - step.startedAt.getTime() > patienceMs
      ) {
        const message = `${
          planStep.cluster
        } still reports an upgrade in progress (or cannot be reached) ${Math.round(
          patienceMs / 60000,
        )} min after the step started; look at the cluster, then retry or skip it`;
        await store.update({
          runId: run.id,
          owner: ownerId,
          step: {
            key: step.key,
            patch: { state: 'failed', finishedAt: now, message },
            fromStates: ['running'],
          },
          run: { state: 'failed', message },
          event: {
            actor: 'engine',
            action: 'step-failed',
            stepKey: step.key,
            detail: message,
          },
          now,
        });
        await this.options.notifier
          .stepFailed(run, step, planStep.title, message)
          .catch(() => {});
        await this.changed(run.id);
        return 'done';
      }
      await store.update({
        runId: run.id,
        owner: ownerId,
        run: {
          fromStates: ['running', 'waiting'],
          state: 'waiting',
          message: `${planStep.title}: the upgrade started before the portal restarted is still running on ${planStep.cluster}; waiting for it to end before anything runs again`,
        },
        now,
      });
      await this.changed(run.id);
      return 'wait';
    }
    await store.appendOutput(run.id, step.key, step.attempts, [
      {
        stream: 'portal',
        line: `The portal restarted while this step ran, and it had not reached its end; running it again (attempt ${
          step.attempts + 1
        }).`,
        at: now,
      },
    ]);
    return 'run-again';
  }

  private async runStep(
    run: RunRecord,
    step: StepRecord,
    planStep: UpgradePlanStep & { site: string },
    controller: AbortController,
    fromStates: StepRecord['state'][],
  ): Promise<void> {
    const { store, ownerId } = this.options;
    const startedAt = this.options.now();
    const claimed = await store.update({
      runId: run.id,
      owner: ownerId,
      step: {
        key: step.key,
        patch: {
          state: 'running',
          startedAt,
          finishedAt: null,
          exitCode: null,
          message: null,
        },
        fromStates,
        countAttempt: true,
      },
      run: {
        state: 'running',
        message: null,
        fromStates: ['running', 'waiting'],
      },
      event: {
        actor: 'engine',
        action: 'step-started',
        stepKey: step.key,
        detail: planStep.display,
      },
      now: startedAt,
    });
    if (!claimed) return;
    await this.changed(run.id);
    const attempt = step.attempts + 1;
    const changesSomething =
      COMMAND_STEP_KINDS.has(planStep.kind) ||
      planStep.kind === 'set-config-version';
    const audit = changesSomething
      ? await this.options.auditor?.createEvent({
          eventId: 'upgrade-step',
          severityLevel: planStep.kind.startsWith('upgrade-')
            ? 'high'
            : 'medium',
          meta: {
            runId: run.id,
            step: step.key,
            cluster: planStep.cluster,
            site: planStep.site,
            command: planStep.display,
            startedBy: run.createdBy,
            attempt,
          },
        })
      : undefined;
    const pending: Line[] = [];
    let flushing = Promise.resolve();
    const flush = () => {
      const batch = pending.splice(0);
      if (batch.length)
        flushing = flushing
          .then(() => store.appendOutput(run.id, step.key, attempt, batch))
          .then(() => this.changed(run.id));
      return flushing;
    };
    const flusher = setInterval(flush, 300);
    flusher.unref?.();
    let result: { exitCode: number; error?: string; detail?: unknown };
    try {
      result = await this.execute(run, planStep, controller.signal, line =>
        pending.push({ ...line, at: this.options.now() }),
      );
    } catch (error) {
      result = { exitCode: 1, error: (error as Error).message };
      pending.push({
        stream: 'portal',
        line: `The portal could not run this step: ${(error as Error).message}`,
        at: this.options.now(),
      });
    } finally {
      clearInterval(flusher);
    }
    await flush();
    if (result.exitCode === 0) await audit?.success();
    else
      await audit?.fail({
        error: new Error(result.error ?? `exit code ${result.exitCode}`),
      });
    const now = this.options.now();
    const reason = controller.signal.reason;
    if (reason === 'lease lost' || reason === 'shutdown') return;
    if (reason === 'abort requested') {
      const steps = await store.getSteps(run.id);
      await this.finishAbort(run, steps, {
        key: step.key,
        exitCode: result.exitCode,
      });
      return;
    }
    if (result.exitCode === 0) {
      await store.update({
        runId: run.id,
        owner: ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'succeeded',
            finishedAt: now,
            exitCode: 0,
            ...(result.detail ? { detail: result.detail } : {}),
          },
          fromStates: ['running'],
        },
        event: { actor: 'engine', action: 'step-succeeded', stepKey: step.key },
        now,
      });
    } else {
      const message = `${planStep.title} failed: ${
        result.error ?? `exit code ${result.exitCode}`
      }`;
      const recorded = await store.update({
        runId: run.id,
        owner: ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'failed',
            finishedAt: now,
            exitCode: result.exitCode,
            message: result.error ?? `exit code ${result.exitCode}`,
            ...(result.detail ? { detail: result.detail } : {}),
          },
          fromStates: ['running'],
        },
        run: { state: 'failed', message },
        event: {
          actor: 'engine',
          action: 'step-failed',
          stepKey: step.key,
          detail: message,
        },
        now,
      });
      if (recorded)
        await this.options.notifier
          .stepFailed(
            run,
            step,
            planStep.title,
            result.error ?? `exit code ${result.exitCode}`,
          )
          .catch(() => {});
    }
    await this.changed(run.id);
  }

  private async execute(
    run: RunRecord,
    planStep: UpgradePlanStep & { site: string },
    signal: AbortSignal,
    onLine: (line: {
      stream: 'stdout' | 'stderr' | 'portal';
      line: string;
    }) => void,
  ): Promise<{ exitCode: number; error?: string; detail?: unknown }> {
    const { checks } = this.options;
    if (planStep.kind === 'preflight-versions') {
      const result = await checks.preflight(
        planStep.cluster!,
        run.targetVersion,
        run.plan.kubernetesVersion,
      );
      for (const line of result.lines) onLine({ stream: 'portal', line });
      return {
        exitCode: result.ok ? 0 : 1,
        error: result.error,
        detail: result.detail,
      };
    }
    if (planStep.kind === 'postflight-verify') {
      const baseline = await this.baselineOf(run.id, planStep.cluster!);
      const deadline = Date.now() + POSTFLIGHT_PATIENCE_MS;
      for (;;) {
        const result = await checks.postflight(
          planStep.cluster!,
          run.targetVersion,
          baseline,
        );
        // The fleet cache sees the cluster settle a moment after gkectl ends; give it that moment.
        if (result.ok || Date.now() > deadline || signal.aborted) {
          for (const line of result.lines) onLine({ stream: 'portal', line });
          return { exitCode: result.ok ? 0 : 1, error: result.error };
        }
        await new Promise(r => setTimeout(r, 1000));
      }
    }
    onLine({ stream: 'portal', line: `$ ${planStep.display}` });
    return this.options.driver.execute(planStep, run.targetVersion, {
      signal,
      onLine,
    });
  }

  private async baselineOf(runId: string, cluster: string): Promise<string[]> {
    const steps = await this.options.store.getSteps(runId);
    const preflight = steps.find(
      s => s.kind === 'preflight-versions' && s.cluster === cluster,
    );
    return (
      (preflight?.detail as { brokenApps?: string[] } | undefined)
        ?.brokenApps ?? []
    );
  }

  private async approvalGate(
    run: RunRecord,
    step: StepRecord,
    planStep: UpgradePlanStep,
  ): Promise<boolean> {
    if (step.state === 'pending') {
      const now = this.options.now();
      const moved = await this.options.store.update({
        runId: run.id,
        owner: this.options.ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'waiting',
            startedAt: now,
            message: 'Waiting for approval',
          },
          fromStates: ['pending'],
        },
        run: {
          state: 'waiting',
          message: `Waiting for approval: ${planStep.title}`,
          fromStates: ['running', 'waiting'],
        },
        event: {
          actor: 'engine',
          action: 'gate-waiting',
          stepKey: step.key,
          detail: planStep.title,
        },
        now,
      });
      if (moved) {
        await this.options.notifier
          .gateWaiting(run, step, planStep.title, planStep.why ?? '')
          .catch(() => {});
        await this.changed(run.id);
      }
    }
    // The approve action moves the step on; until then the run waits.
    return true;
  }

  private async timeWindowGate(
    run: RunRecord,
    step: StepRecord,
    planStep: UpgradePlanStep,
  ): Promise<boolean> {
    const stage = run.plan.stages.find(s =>
      s.steps.some(x => x.key === step.key),
    )!;
    const window = this.options.config.gates.windows[stage.environment];
    const now = this.options.now();
    if (!window || isInWindow(window, now)) {
      await this.options.store.update({
        runId: run.id,
        owner: this.options.ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'succeeded',
            startedAt: step.startedAt ?? now,
            finishedAt: now,
            waitingUntil: null,
            message: 'The window is open',
          },
          fromStates: ['pending', 'waiting'],
        },
        run: {
          state: 'running',
          message: null,
          fromStates: ['running', 'waiting'],
        },
        event: { actor: 'engine', action: 'window-open', stepKey: step.key },
        now,
      });
      await this.changed(run.id);
      return false;
    }
    if (step.state === 'pending') {
      const opens = nextOpening(window, now);
      await this.options.store.update({
        runId: run.id,
        owner: this.options.ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'waiting',
            startedAt: now,
            waitingUntil: opens ?? null,
            message: `Outside the ${stage.environment} window; waiting until it opens`,
          },
          fromStates: ['pending'],
        },
        run: {
          fromStates: ['running', 'waiting'],
          state: 'waiting',
          message: `${planStep.title}: outside the window${
            opens ? `, opens ${opens.toISOString()}` : ''
          }`,
        },
        event: {
          actor: 'engine',
          action: 'gate-waiting',
          stepKey: step.key,
          detail: planStep.title,
        },
        now,
      });
      await this.changed(run.id);
    }
    return true;
  }

  private async soakGate(
    run: RunRecord,
    steps: StepRecord[],
    step: StepRecord,
    planStep: UpgradePlanStep,
  ): Promise<boolean> {
    const { store, ownerId, checks } = this.options;
    const now = this.options.now();
    const stage = run.plan.stages.find(s =>
      s.steps.some(x => x.key === step.key),
    )!;
    const clusters = [
      ...new Set(
        stage.steps
          .filter(
            s =>
              s.kind === 'upgrade-user-cluster' ||
              s.kind === 'upgrade-admin-cluster',
          )
          .map(s => s.cluster!),
      ),
    ];
    const skipped = new Set(
      steps
        .filter(s => s.state === 'skipped' && s.cluster)
        .map(s => s.cluster!),
    );
    if (step.state === 'pending') {
      await store.update({
        runId: run.id,
        owner: ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'waiting',
            startedAt: now,
            waitingUntil: new Date(
              now.getTime() + planStep.expectedSeconds * 1000,
            ),
            message: `Soaking: watching ${clusters.join(', ')}`,
          },
          fromStates: ['pending'],
        },
        run: {
          state: 'waiting',
          message: `${planStep.title}`,
          fromStates: ['running', 'waiting'],
        },
        event: { actor: 'engine', action: 'soak-started', stepKey: step.key },
        now,
      });
      await this.changed(run.id);
      return true;
    }
    const problems: string[] = [];
    for (const cluster of clusters.filter(c => !skipped.has(c))) {
      const result = await checks.healthy(
        cluster,
        await this.baselineOf(run.id, cluster),
      );
      problems.push(...result.problems);
    }
    if (problems.length) {
      const message = `Soak of ${
        stage.environment
      } stopped the run: ${problems.join('; ')}`;
      await store.appendOutput(
        run.id,
        step.key,
        Math.max(step.attempts, 1),
        problems.map(p => ({
          stream: 'portal' as const,
          line: `[FAILURE] ${p}`,
          at: now,
        })),
      );
      const recorded = await store.update({
        runId: run.id,
        owner: ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'failed',
            finishedAt: now,
            message: problems.join('; '),
          },
          fromStates: ['waiting'],
        },
        run: { state: 'failed', message },
        event: {
          actor: 'engine',
          action: 'soak-failed',
          stepKey: step.key,
          detail: message,
        },
        now,
      });
      if (recorded)
        await this.options.notifier
          .stepFailed(run, step, planStep.title, problems.join('; '))
          .catch(() => {});
      await this.changed(run.id);
      return true;
    }
    if (step.waitingUntil && now >= step.waitingUntil) {
      await store.appendOutput(run.id, step.key, Math.max(step.attempts, 1), [
        {
          stream: 'portal',
          line: `${clusters.join(', ')} stayed healthy for ${
            planStep.expectedSeconds
          } s`,
          at: now,
        },
      ]);
      await store.update({
        runId: run.id,
        owner: ownerId,
        step: {
          key: step.key,
          patch: {
            state: 'succeeded',
            finishedAt: now,
            message: 'Stayed healthy',
          },
          fromStates: ['waiting'],
        },
        run: {
          state: 'running',
          message: null,
          fromStates: ['running', 'waiting'],
        },
        event: { actor: 'engine', action: 'soak-passed', stepKey: step.key },
        now,
      });
      await this.changed(run.id);
      return false;
    }
    return true;
  }

  /** Ends an aborted run in one transaction: the interrupted step (if any) and the run. */
  private async finishAbort(
    run: RunRecord,
    steps: StepRecord[],
    interrupted: { key: string; exitCode: number } | undefined,
  ): Promise<void> {
    const now = this.options.now();
    const open = steps
      .filter(s => s.state === 'running' || s.state === 'waiting')
      .map(s => s.key);
    const message = `Aborted${
      interrupted
        ? ` while ${this.planStep(run, interrupted.key).title} ran (exit code ${
            interrupted.exitCode
          })`
        : ''
    }`;
    await this.options.store.update({
      runId: run.id,
      owner: this.options.ownerId,
      steps: {
        keys: open,
        patch: {
          state: 'aborted',
          finishedAt: now,
          message: 'Interrupted by an abort',
          ...(interrupted ? { exitCode: interrupted.exitCode } : {}),
        },
        fromStates: ['running', 'waiting'],
      },
      run: { state: 'aborted', message, finishedAt: now },
      event: {
        actor: 'engine',
        action: 'aborted',
        stepKey: interrupted?.key,
        detail: message,
      },
      now,
    });
    await this.options.notifier
      .runEnded(run, 'aborted', message)
      .catch(() => {});
    await this.changed(run.id);
  }

  private async endRun(
    run: RunRecord,
    state: 'succeeded',
    message: string,
  ): Promise<void> {
    const now = this.options.now();
    const ended = await this.options.store.update({
      runId: run.id,
      owner: this.options.ownerId,
      run: {
        state,
        message,
        finishedAt: now,
        fromStates: ['running', 'waiting'],
      },
      event: { actor: 'engine', action: state, detail: message },
      now,
    });
    if (ended)
      await this.options.notifier.runEnded(run, state, message).catch(() => {});
    await this.changed(run.id);
  }
}
