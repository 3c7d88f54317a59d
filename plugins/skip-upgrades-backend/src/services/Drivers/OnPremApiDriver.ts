import type { UpgradePlanStep } from '@internal/plugin-skip-common';
import type { UpgradeSite } from '../../config/upgradesConfig';
import type { CommandExecutor } from '../Executors/types';
import type { FleetReader } from '../FleetReader/types';
import { shellQuote, upgradeReached } from './GkectlDriver';
import type {
  RenderedCommand,
  StepContext,
  StepIo,
  StepResult,
  Verification,
} from './types';

/**
 * The upgrade of a user cluster enrolled in the GKE On-Prem API:
 * `gcloud container vmware clusters upgrade CLUSTER --location=LOC --version=VER` (Google runs
 * the upgrade; the checks around it stay gkectl's). Runs through the site's executor, where
 * gcloud is logged in.
 */
export class OnPremApiDriver {
  private constructor(
    private readonly sites: Map<string, UpgradeSite>,
    private readonly executors: Map<string, CommandExecutor>,
    private readonly fleet: FleetReader,
  ) {}

  static create(options: {
    sites: UpgradeSite[];
    executors: Map<string, CommandExecutor>;
    fleet: FleetReader;
  }): OnPremApiDriver {
    return new OnPremApiDriver(
      new Map(options.sites.map(s => [s.name, s])),
      options.executors,
      options.fleet,
    );
  }

  /** Whether this driver upgrades the cluster of a step (a user cluster configured as enrolled). */
  handles(step: { kind: string; site?: string; cluster?: string }): boolean {
    if (step.kind !== 'upgrade-user-cluster' || !step.site) return false;
    const entry = this.sites
      .get(step.site)
      ?.clusters.find(c => c.name === step.cluster);
    return entry?.upgradeWith === 'onprem-api';
  }

  render(step: StepContext): RenderedCommand {
    const site = this.sites.get(step.site)!;
    const entry = site.clusters.find(c => c.name === step.cluster?.name)!;
    const command = [
      site.gcloud,
      'container',
      'vmware',
      'clusters',
      'upgrade',
      entry.name,
      `--location=${entry.location}`,
      `--version=${step.targetVersion}`,
    ];
    return { command, display: command.map(shellQuote).join(' ') };
  }

  async execute(
    step: UpgradePlanStep & { site: string },
    io: StepIo,
  ): Promise<StepResult> {
    const executor = this.executors.get(step.site);
    if (!executor || !step.command)
      return {
        exitCode: 1,
        error: `site ${step.site} has no executor or the step no command`,
      };
    let lastError: string | undefined;
    const result = await executor.run({
      argv: step.command,
      cwd: this.sites.get(step.site)?.workDir,
      signal: io.signal,
      onLine: line => {
        io.onLine(line);
        // gcloud says why on stderr, in a line that starts with ERROR:.
        if (line.stream === 'stderr' && line.line.startsWith('ERROR:'))
          lastError = line.line;
      },
    });
    if (result.exitCode === 0) return { exitCode: 0 };
    return {
      exitCode: result.exitCode,
      error: result.signal
        ? `stopped by ${result.signal}`
        : lastError ?? `exit code ${result.exitCode}`,
    };
  }

  verify(step: UpgradePlanStep, targetVersion: string): Promise<Verification> {
    return upgradeReached(this.fleet, step.cluster, targetVersion);
  }
}
