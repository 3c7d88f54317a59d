import type {
  UpgradePlan,
  UpgradeRunState,
  UpgradeScope,
  UpgradeStepState,
} from '@internal/plugin-skip-common';

/** A run as stored. */
export type RunRecord = {
  id: string;
  targetVersion: string;
  scope: UpgradeScope;
  plan: UpgradePlan;
  state: UpgradeRunState;
  message?: string;
  createdBy: string;
  createdAt: Date;
  finishedAt?: Date;
  abortRequested: boolean;
  leaseOwner?: string;
  leaseUntil?: Date;
};

/** A step as stored (its plan fields come from the run's plan). */
export type StepRecord = {
  runId: string;
  position: number;
  key: string;
  stage: string;
  kind: string;
  cluster?: string;
  state: UpgradeStepState;
  attempts: number;
  startedAt?: Date;
  finishedAt?: Date;
  waitingUntil?: Date;
  exitCode?: number;
  message?: string;
  approvedBy?: string;
  skippedBy?: string;
  detail?: unknown;
};

/** A change to a step; `undefined` leaves a field alone, `null` clears it. */
export type StepPatch = {
  state?: UpgradeStepState;
  startedAt?: Date | null;
  finishedAt?: Date | null;
  waitingUntil?: Date | null;
  exitCode?: number | null;
  message?: string | null;
  approvedBy?: string;
  skippedBy?: string;
  detail?: unknown;
};

export type EventRecord = {
  at: Date;
  actor: string;
  action: string;
  stepKey?: string;
  detail?: string;
};

export type OutputRecord = {
  seq: number;
  attempt: number;
  stream: 'stdout' | 'stderr' | 'portal';
  line: string;
  at: Date;
};

/** Runs, their steps, output and events; the engine's only state. */
export interface RunStore {
  /** Creates a run and takes its clusters; a cluster another active run holds is a ConflictError naming both. */
  createRun(
    run: Omit<RunRecord, 'abortRequested'>,
    steps: Omit<StepRecord, 'runId'>[],
    clusters: string[],
    actor: string,
  ): Promise<void>;
  getRun(id: string): Promise<RunRecord | undefined>;
  getSteps(runId: string): Promise<StepRecord[]>;
  getEvents(runId: string): Promise<EventRecord[]>;
  listRuns(options: { active?: boolean; limit: number }): Promise<RunRecord[]>;
  /** Runs an engine may drive now: running or waiting, and no other engine holds a live lease. */
  claimableRunIds(now: Date): Promise<string[]>;
  /** Takes (or keeps) the lease of a run; false when another engine holds it. */
  claimRun(
    runId: string,
    owner: string,
    now: Date,
    until: Date,
  ): Promise<boolean>;
  /** Extends a lease this engine holds; false when it lost it. */
  renewLease(runId: string, owner: string, until: Date): Promise<boolean>;
  releaseLease(runId: string, owner: string): Promise<void>;
  /**
   * Changes a step, and the run with it, in one transaction, only while `owner` holds the
   * run's lease (or with no owner, for people's actions): false when the lease is gone.
   */
  update(change: {
    runId: string;
    owner?: string;
    step?: {
      key: string;
      patch: StepPatch;
      fromStates?: UpgradeStepState[];
      countAttempt?: boolean;
    };
    steps?: {
      keys: string[];
      patch: StepPatch;
      fromStates: UpgradeStepState[];
      /** Refuse the whole change when one of these steps runs now (a skip racing the engine). */
      unlessRunning?: boolean;
    };
    run?: {
      state?: UpgradeRunState;
      message?: string | null;
      finishedAt?: Date;
      abortRequested?: boolean;
      fromStates?: UpgradeRunState[];
    };
    event?: Omit<EventRecord, 'at'>;
    now: Date;
  }): Promise<boolean>;
  /**
   * Asks a run to stop for good. With a step running under a live lease, its engine
   * interrupts it and records the abort ('requested'); otherwise the abort is recorded here,
   * in one transaction ('aborted'). 'ended' when the run had already ended.
   */
  requestAbort(
    runId: string,
    actor: string,
    reason: string | undefined,
    now: Date,
  ): Promise<'aborted' | 'requested' | 'ended'>;
  appendOutput(
    runId: string,
    stepKey: string,
    attempt: number,
    lines: { stream: OutputRecord['stream']; line: string; at: Date }[],
  ): Promise<void>;
  readOutput(
    runId: string,
    stepKey: string,
    after: number,
    limit: number,
  ): Promise<OutputRecord[]>;
}
