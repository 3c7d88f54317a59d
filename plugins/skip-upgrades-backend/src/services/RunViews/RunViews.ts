import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type {
  UpgradeClusterVersion,
  UpgradePlanDrift,
  UpgradeRun,
  UpgradeRunSummary,
  UpgradeStepOutput,
  UpgradeVersionsResponse,
} from '@internal/plugin-skip-common';
import type { RunRecord, RunStore, StepRecord } from '../../database/RunStore';
import {
  compareVersionTexts,
  parsePlatformVersion,
} from '../../rules/platformVersion';
import { rulesFor } from '../../rules/releases';
import type { UpgradeDriver } from '../Drivers/types';
import type { FleetCluster, FleetReader } from '../FleetReader/types';
import type { PlanBuilder } from '../PlanBuilder/PlanBuilder';
import type { UpgradeAccess } from '../UpgradeAccess/UpgradeAccess';

const OUTPUT_PAGE = 2000;

/** What people read: runs with their steps and events, output, and the fleet's versions. */
export class RunViews {
  private constructor(
    private readonly options: {
      store: RunStore;
      fleet: FleetReader;
      plans: PlanBuilder;
      driver: UpgradeDriver;
      access: UpgradeAccess;
      sites: string[];
    },
  ) {}

  static create(options: RunViews['options']): RunViews {
    return new RunViews(options);
  }

  async list(active: boolean | undefined): Promise<UpgradeRunSummary[]> {
    const runs = await this.options.store.listRuns({ active, limit: 200 });
    return Promise.all(
      runs.map(async run =>
        summary(run, await this.options.store.getSteps(run.id)),
      ),
    );
  }

  async get(
    credentials: BackstageCredentials,
    runId: string,
  ): Promise<UpgradeRun> {
    const run = await this.options.store.getRun(runId);
    if (!run) throw new NotFoundError(`No upgrade run ${runId}`);
    const [steps, events] = await Promise.all([
      this.options.store.getSteps(runId),
      this.options.store.getEvents(runId),
    ]);
    const planSteps = new Map(
      run.plan.stages.flatMap(stage =>
        stage.steps.map(s => [s.key, { ...s, stage: stage.name }] as const),
      ),
    );
    const waitingGate = steps.find(
      s => s.kind === 'approval' && s.state === 'waiting',
    );
    return {
      id: run.id,
      targetVersion: run.targetVersion,
      scope: run.scope,
      state: run.state,
      ...(run.message ? { message: run.message } : {}),
      createdBy: run.createdBy,
      createdAt: run.createdAt.toISOString(),
      ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
      plan: run.plan,
      steps: steps.map(s => {
        const p = planSteps.get(s.key)!;
        return {
          key: s.key,
          kind: p.kind,
          title: p.title,
          stage: s.stage,
          ...(p.site ? { site: p.site } : {}),
          ...(p.cluster ? { cluster: p.cluster } : {}),
          ...(p.command ? { command: p.command } : {}),
          ...(p.display ? { display: p.display } : {}),
          ...(p.why ? { why: p.why } : {}),
          state: s.state,
          attempts: s.attempts,
          expectedSeconds: p.expectedSeconds,
          ...(s.startedAt ? { startedAt: s.startedAt.toISOString() } : {}),
          ...(s.finishedAt ? { finishedAt: s.finishedAt.toISOString() } : {}),
          ...(s.exitCode !== undefined ? { exitCode: s.exitCode } : {}),
          ...(s.message ? { message: s.message } : {}),
          ...(s.waitingUntil
            ? { waitingUntil: s.waitingUntil.toISOString() }
            : {}),
          ...(s.approvedBy ? { approvedBy: s.approvedBy } : {}),
          ...(s.skippedBy ? { skippedBy: s.skippedBy } : {}),
        };
      }),
      events: events.map(e => ({
        at: e.at.toISOString(),
        actor: e.actor,
        action: e.action,
        ...(e.stepKey ? { stepKey: e.stepKey } : {}),
        ...(e.detail ? { detail: e.detail } : {}),
      })),
      drift: await this.drift(run, steps),
      viewer: await this.options.access.rights(credentials, run, waitingGate),
    };
  }

  /** Where the fleet now differs from the snapshot the run keeps; a fleet that does not answer shows none. */
  private async drift(
    run: RunRecord,
    steps: StepRecord[],
  ): Promise<UpgradePlanDrift[]> {
    if (run.state === 'succeeded' || run.state === 'aborted') return [];
    let fleet: FleetCluster[];
    try {
      fleet = await this.options.fleet.clusters();
    } catch {
      return [];
    }
    const drift: UpgradePlanDrift[] = [];
    const upgraded = new Set(
      steps
        .filter(
          s =>
            (s.kind === 'upgrade-user-cluster' ||
              s.kind === 'upgrade-admin-cluster') &&
            s.state !== 'pending',
        )
        .map(s => s.cluster),
    );
    for (const planned of run.plan.clusters) {
      const now = fleet.find(c => c.metadata.name === planned.name);
      if (!now)
        drift.push({
          cluster: planned.name,
          message: `${planned.name} is no longer in the fleet`,
        });
      else if (
        !upgraded.has(planned.name) &&
        now.version &&
        now.version !== planned.from
      ) {
        drift.push({
          cluster: planned.name,
          message: `${planned.name} was at ${planned.from} when the run started and now reports ${now.version}`,
        });
      }
    }
    const known = new Set([
      ...run.plan.clusters.map(c => c.name),
      ...run.plan.leftOut.map(l => l.cluster),
    ]);
    for (const c of fleet) {
      const inScope =
        run.scope.kind === 'ladder' ||
        (run.scope.kind === 'environment' &&
          c.metadata.environment === run.scope.environment);
      if (
        inScope &&
        !known.has(c.metadata.name) &&
        c.metadata.platform === 'anthos-vmware'
      ) {
        drift.push({
          cluster: c.metadata.name,
          message: `${c.metadata.name} joined the scope after the run started; this run leaves it alone`,
        });
      }
    }
    return drift;
  }

  async output(
    runId: string,
    stepKey: string,
    after: number,
  ): Promise<UpgradeStepOutput> {
    const steps = await this.options.store.getSteps(runId);
    const step = steps.find(s => s.key === stepKey);
    if (!step) throw new NotFoundError(`Run ${runId} has no step ${stepKey}`);
    const lines = await this.options.store.readOutput(
      runId,
      stepKey,
      after,
      OUTPUT_PAGE,
    );
    return {
      lines: lines.map(l => ({
        seq: l.seq,
        attempt: l.attempt,
        stream: l.stream,
        line: l.line,
        at: l.at.toISOString(),
      })),
      done:
        lines.length < OUTPUT_PAGE &&
        step.state !== 'running' &&
        step.state !== 'waiting',
    };
  }

  async versions(): Promise<UpgradeVersionsResponse> {
    const { plans } = this.options;
    const [fleet, workstations, active] = await Promise.all([
      this.options.fleet.clusters(),
      plans.workstations(),
      this.options.store.listRuns({ active: true, limit: 200 }),
    ]);
    const releases = plans.releases;
    const newest = releases[releases.length - 1];
    const runOf = new Map<string, string>();
    for (const run of active)
      for (const c of run.plan.clusters) runOf.set(c.name, run.id);
    const clusters: UpgradeClusterVersion[] = fleet.map(c => {
      const base = {
        name: c.metadata.name,
        environment: c.metadata.environment,
        site: c.metadata.site,
        role: c.metadata.role,
        platform: c.metadata.platform,
        controlPlane: c.metadata.controlPlane,
        ...(c.metadata.adminCluster
          ? { adminCluster: c.metadata.adminCluster }
          : {}),
        ...(c.version ? { current: c.version } : {}),
        ...(runOf.has(c.metadata.name)
          ? { runId: runOf.get(c.metadata.name) }
          : {}),
      };
      if (c.metadata.platform === 'gke') {
        return {
          ...base,
          behindBy: { minors: 0, releases: 0 },
          targets: [],
          blocked:
            'GKE in Google Cloud: Google rolls out its versions (gcloud container clusters upgrade); not planned here',
        };
      }
      const current = parsePlatformVersion(c.version);
      if (!current)
        return {
          ...base,
          behindBy: { minors: 0, releases: 0 },
          targets: [],
          blocked:
            'Its release is unknown: the cluster or its admin cluster cannot be reached',
        };
      const newer = releases.filter(
        r => compareVersionTexts(r.version, current.text) > 0,
      );
      const reachable = newer.filter(
        r => parsePlatformVersion(r.version)!.minor <= current.minor + 1,
      );
      const kubeceptionBlocked =
        c.metadata.role === 'user' && c.metadata.controlPlane === 'kubeception';
      const targets = reachable
        .filter(
          r => !kubeceptionBlocked || rulesFor(r.version).kubeceptionAllowed,
        )
        .map(r => r.version);
      const blocked =
        kubeceptionBlocked &&
        reachable.some(r => !rulesFor(r.version).kubeceptionAllowed)
          ? 'Kubeception control plane: migrate to Controlplane V2 before 1.33'
          : undefined;
      return {
        ...base,
        behindBy: {
          minors: Math.max(
            0,
            parsePlatformVersion(newest.version)!.minor - current.minor,
          ),
          releases: newer.length,
        },
        targets,
        ...(blocked ? { blocked } : {}),
      };
    });
    return {
      releases: releases.map(r => ({ ...r, order: rulesFor(r.version).order })),
      clusters,
      workstations: workstations.map(w => ({
        site: w.site,
        executor: this.describe(w.site),
        ...(w.version ? { gkectlVersion: w.version } : {}),
        ...(w.error ? { error: w.error } : {}),
      })),
      generatedAt: new Date().toISOString(),
    };
  }

  private describe(site: string): string | undefined {
    try {
      return this.options.driver.executorOf(site).describe();
    } catch {
      return undefined;
    }
  }
}

function summary(run: RunRecord, steps: StepRecord[]): UpgradeRunSummary {
  const current = steps.find(
    s => s.state === 'running' || s.state === 'waiting' || s.state === 'failed',
  );
  const title = current
    ? run.plan.stages.flatMap(s => s.steps).find(s => s.key === current.key)
        ?.title
    : undefined;
  return {
    id: run.id,
    targetVersion: run.targetVersion,
    scope: run.scope,
    state: run.state,
    createdBy: run.createdBy,
    createdAt: run.createdAt.toISOString(),
    ...(run.finishedAt ? { finishedAt: run.finishedAt.toISOString() } : {}),
    clusters: run.plan.clusters.map(c => c.name),
    ...(title ? { currentStep: title } : {}),
    progress: {
      done: steps.filter(s => s.state === 'succeeded' || s.state === 'skipped')
        .length,
      total: steps.length,
    },
  };
}
