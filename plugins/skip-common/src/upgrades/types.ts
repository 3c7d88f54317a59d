import type { components } from '../generated/skipUpgrades';

type Schemas = components['schemas'];

/** What to upgrade: one cluster, one environment, or the whole ladder. */
export type UpgradeScope = Schemas['UpgradeScope'];
/** Gates beyond the configured ones. */
export type UpgradeGateOptions = Schemas['GateOptions'];
/** A plan request: target release, scope, gates. */
export type UpgradePlanRequest = Schemas['PlanRequest'];
/** Starting a run of a previewed plan. */
export type StartUpgradeRunRequest = Schemas['StartRunRequest'];
/** What a step does. */
export type UpgradeStepKind = Schemas['StepKind'];
/** One step of a plan, with the exact command it runs. */
export type UpgradePlanStep = Schemas['PlanStep'];
/** The steps of one environment. */
export type UpgradePlanStage = Schemas['PlanStage'];
/** A cluster the plan changes. */
export type UpgradePlannedCluster = Schemas['PlannedCluster'];
/** A cluster in the scope that the plan leaves alone, and why. */
export type UpgradeLeftOut = Schemas['LeftOut'];
/** A whole plan; a run keeps the one it started with. */
export type UpgradePlan = Schemas['UpgradePlan'];
/** Where a run stands. */
export type UpgradeRunState = Schemas['RunState'];
/** Where a step stands. */
export type UpgradeStepState = Schemas['StepState'];
/** A step of a run. */
export type UpgradeRunStep = Schemas['RunStep'];
/** Who did what to a run. */
export type UpgradeRunEvent = Schemas['RunEvent'];
/** Whether the caller may do something, and why not. */
export type UpgradeRight = Schemas['Right'];
/** What the caller may do on a run. */
export type UpgradeViewerRights = Schemas['ViewerRights'];
/** Where the fleet now differs from a run's snapshot. */
export type UpgradePlanDrift = Schemas['PlanDrift'];
/** A run in a list. */
export type UpgradeRunSummary = Schemas['RunSummary'];
/** A run with everything. */
export type UpgradeRun = Schemas['UpgradeRun'];
/** One printed line of a step. */
export type UpgradeOutputLine = Schemas['OutputLine'];
/** A step's output after a cursor. */
export type UpgradeStepOutput = Schemas['StepOutput'];
/** A release the portal knows. */
export type UpgradeRelease = Schemas['Release'];
/** One cluster on the versions page. */
export type UpgradeClusterVersion = Schemas['ClusterVersion'];
/** A site's admin workstation. */
export type UpgradeWorkstation = Schemas['Workstation'];
/** The versions page. */
export type UpgradeVersionsResponse = Schemas['VersionsResponse'];

/** The steps that run a command on the admin workstation (the others are checks and gates the portal makes). */
export const COMMAND_STEP_KINDS: ReadonlySet<UpgradeStepKind> = new Set([
  'upgrade-gkeadm',
  'upgrade-admin-workstation',
  'prepare-bundle',
  'preflight-check-config',
  'preflight-diagnose',
  'upgrade-admin-cluster',
  'upgrade-user-cluster',
  'postflight-diagnose',
]);

/** Steps that wait for a person, the clock or the fleet. */
export const GATE_STEP_KINDS: ReadonlySet<UpgradeStepKind> = new Set([
  'approval',
  'time-window',
  'soak',
]);

/**
 * Whether a run has ended for good. A failed run has not: it holds its clusters until a
 * person retries it to its end or aborts it.
 */
export function isUpgradeRunEnded(state: UpgradeRunState): boolean {
  return state === 'succeeded' || state === 'aborted';
}
