import type { UpgradePlanStep } from '@internal/plugin-skip-common';
import type { CommandExecutor } from '../Executors/types';
import type { GkectlDriver } from './GkectlDriver';
import type { OnPremApiDriver } from './OnPremApiDriver';
import type {
  RenderedCommand,
  StepContext,
  UpgradeDriver,
  Verification,
  StepIo,
  StepResult,
} from './types';

/**
 * The one driver the plan builder and the engine see: a user cluster enrolled in the GKE
 * On-Prem API is upgraded by the On-Prem API driver, everything else by gkectl and gkeadm.
 */
export class SiteDrivers implements UpgradeDriver {
  constructor(
    private readonly gkectl: GkectlDriver,
    private readonly onPremApi: OnPremApiDriver,
  ) {}

  render(step: StepContext): RenderedCommand {
    const ref = {
      kind: step.kind,
      site: step.site,
      cluster: step.cluster?.name,
    };
    return this.onPremApi.handles(ref)
      ? this.onPremApi.render(step)
      : this.gkectl.render(step);
  }

  execute(
    step: UpgradePlanStep & { site: string },
    targetVersion: string,
    io: StepIo,
  ): Promise<StepResult> {
    return this.onPremApi.handles(step)
      ? this.onPremApi.execute(step, io)
      : this.gkectl.execute(step, targetVersion, io);
  }

  verify(
    step: UpgradePlanStep & { site: string },
    targetVersion: string,
  ): Promise<Verification> {
    return this.onPremApi.handles(step)
      ? this.onPremApi.verify(step, targetVersion)
      : this.gkectl.verify(step, targetVersion);
  }

  gkectlVersion(site: string): Promise<string> {
    return this.gkectl.gkectlVersion(site);
  }

  executorOf(site: string): CommandExecutor {
    return this.gkectl.executorOf(site);
  }
}
