import type {
  UpgradePlanStep,
  UpgradeStepKind,
} from '@internal/plugin-skip-common';
import type { CommandExecutor } from '../Executors/types';

/** What a step needs to know to be rendered: the target and the cluster's place. */
export type StepContext = {
  kind: UpgradeStepKind;
  site: string;
  targetVersion: string;
  cluster?: { name: string; role: 'user' | 'admin'; adminCluster?: string };
};

/** A command step's rendering: the argument array and how a person would type it. */
export type RenderedCommand = { command?: string[]; display: string };

/** Where a step's command prints to, and what stops it. */
export type StepIo = {
  signal: AbortSignal;
  onLine(line: { stream: 'stdout' | 'stderr' | 'portal'; line: string }): void;
};

/** How a step's command ended; `error` says why when it failed. */
export type StepResult = { exitCode: number; error?: string };

/** What a check against the cluster found after a restart. */
export type Verification = 'reached' | 'in-progress' | 'not-reached';

/**
 * Turns steps into commands for one kind of cluster (GKE on VMware through gkectl and
 * gkeadm) and runs them through a site's executor.
 */
export interface UpgradeDriver {
  render(step: StepContext): RenderedCommand;
  /** Runs a step's command or file edit; output lines go to `onLine`. */
  execute(
    step: UpgradePlanStep & { site: string },
    targetVersion: string,
    io: StepIo,
  ): Promise<StepResult>;
  /** After a restart: did a step that was running reach its end on the cluster? */
  verify(
    step: UpgradePlanStep & { site: string },
    targetVersion: string,
  ): Promise<Verification>;
  /** The site's gkectl version (`gkectl version`), for the gkectl-at-least-target rule. */
  gkectlVersion(site: string): Promise<string>;
  /** The executor of a site, for tests and descriptions. */
  executorOf(site: string): CommandExecutor;
}
