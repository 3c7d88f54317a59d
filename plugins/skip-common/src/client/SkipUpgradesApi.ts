import type {
  StartUpgradeRunRequest,
  UpgradePlan,
  UpgradePlanRequest,
  UpgradeRun,
  UpgradeRunSummary,
  UpgradeStepOutput,
  UpgradeVersionsResponse,
} from '../upgrades/types';

/** Client of the skip-upgrades backend: versions, plans and the runs that carry them out. */
export interface SkipUpgradesApi {
  /** Every cluster's release, how far behind it is and where it may go; the known releases; the workstations' gkectl. */
  getVersions(): Promise<UpgradeVersionsResponse>;
  /** Builds (previews) a plan; nothing runs. A 409 names every rule the plan would break. */
  buildPlan(request: UpgradePlanRequest): Promise<UpgradePlan>;
  /** Starts a run of the previewed plan (its digest); a 409 when the plan changed or a cluster is busy. */
  startRun(request: StartUpgradeRunRequest): Promise<UpgradeRun>;
  /** Runs, newest first; only the ones not yet ended with `active: true`. */
  listRuns(query?: {
    active?: boolean;
  }): Promise<{ items: UpgradeRunSummary[] }>;
  /** One run with its plan, steps, events, drift and what the caller may do. */
  getRun(runId: string): Promise<UpgradeRun>;
  /** What a step printed, after the line with sequence number `after`. */
  getStepOutput(
    runId: string,
    stepKey: string,
    after?: number,
  ): Promise<UpgradeStepOutput>;
  /** Stops before the next step (the running one finishes). */
  pauseRun(runId: string): Promise<UpgradeRun>;
  /** Goes on after a pause. */
  resumeRun(runId: string): Promise<UpgradeRun>;
  /** Stops the run for good. */
  abortRun(runId: string, reason?: string): Promise<UpgradeRun>;
  /** Approves a waiting approval gate. */
  approveStep(
    runId: string,
    stepKey: string,
    reason?: string,
  ): Promise<UpgradeRun>;
  /** Runs a failed step again and goes on. */
  retryStep(runId: string, stepKey: string): Promise<UpgradeRun>;
  /** Skips every step of one cluster that has not run, with a written reason. */
  skipCluster(
    runId: string,
    cluster: string,
    reason: string,
  ): Promise<UpgradeRun>;
}
