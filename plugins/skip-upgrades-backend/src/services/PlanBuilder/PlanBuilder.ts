import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type {
  UpgradePlan,
  UpgradePlanRequest,
} from '@internal/plugin-skip-common';
import type { UpgradesConfig } from '../../config/upgradesConfig';
import { compareVersionTexts } from '../../rules/platformVersion';
import { DEFAULT_RELEASES, Release } from '../../rules/releases';
import type { UpgradeDriver } from '../Drivers/types';
import type { FleetReader } from '../FleetReader/types';
import { buildPlan, isKnownRelease } from './buildPlan';

/** Builds plans from the fleet as it is now; refuses one that would break a rule. */
export class PlanBuilder {
  private constructor(
    private readonly config: UpgradesConfig,
    private readonly fleet: FleetReader,
    private readonly driver: UpgradeDriver,
    readonly releases: Release[],
  ) {}

  static create(options: {
    config: UpgradesConfig;
    fleet: FleetReader;
    driver: UpgradeDriver;
  }): PlanBuilder {
    const byVersion = new Map<string, Release>();
    for (const r of [...DEFAULT_RELEASES, ...options.config.releases])
      byVersion.set(r.version, r);
    const releases = [...byVersion.values()].sort((a, b) =>
      compareVersionTexts(a.version, b.version),
    );
    return new PlanBuilder(
      options.config,
      options.fleet,
      options.driver,
      releases,
    );
  }

  private workstationsRead?: {
    at: number;
    answer: Promise<{ site: string; version?: string; error?: string }[]>;
  };

  /**
   * gkectl's version per configured site, and why a site did not answer. Asked of the
   * workstations at most every 15 s, however many people look at the versions page.
   */
  workstations(): Promise<
    { site: string; version?: string; error?: string }[]
  > {
    if (
      !this.workstationsRead ||
      Date.now() - this.workstationsRead.at > 15_000
    ) {
      this.workstationsRead = {
        at: Date.now(),
        answer: this.askWorkstations(),
      };
    }
    return this.workstationsRead.answer;
  }

  private askWorkstations(): Promise<
    { site: string; version?: string; error?: string }[]
  > {
    return Promise.all(
      this.config.sites.map(async site => {
        try {
          return {
            site: site.name,
            version: await this.driver.gkectlVersion(site.name),
          };
        } catch (error) {
          return { site: site.name, error: (error as Error).message };
        }
      }),
    );
  }

  async build(request: UpgradePlanRequest): Promise<UpgradePlan> {
    if (!isKnownRelease(this.releases, request.targetVersion)) {
      throw new InputError(
        `targetVersion: ${
          request.targetVersion
        } is not a known release (known: ${this.releases
          .map(r => r.version)
          .join(', ')})`,
      );
    }
    const { scope } = request;
    if (scope.kind === 'cluster' && !scope.cluster)
      throw new InputError(
        'scope.cluster: required when scope.kind is cluster',
      );
    if (scope.kind === 'environment' && !scope.environment)
      throw new InputError(
        'scope.environment: required when scope.kind is environment',
      );
    const clusters = await this.fleet.clusters();
    if (
      scope.kind === 'cluster' &&
      !clusters.some(c => c.metadata.name === scope.cluster)
    ) {
      throw new NotFoundError(
        `scope.cluster: no cluster named ${scope.cluster}`,
      );
    }
    const onPrem = clusters.filter(
      c => c.metadata.platform === 'anthos-vmware' && c.reachable,
    );
    const pools = new Map(
      await Promise.all(
        onPrem.map(
          async c =>
            [
              c.metadata.name,
              (
                await this.fleet.health(c.metadata.name).catch(() => undefined)
              )?.pools ?? [],
            ] as const,
        ),
      ),
    );
    const workstationVersions = new Map(
      (await this.workstations())
        .filter(w => w.version)
        .map(w => [w.site, w.version!]),
    );
    const result = buildPlan({
      request,
      releases: this.releases,
      clusters,
      pools,
      workstationVersions,
      config: this.config,
      render: step => this.driver.render(step),
      now: new Date(),
    });
    if (result.violations) {
      throw new ConflictError(
        `Plan refused: ${result.violations
          .map(v => `rule ${v.rule} (${v.cluster}): ${v.message}`)
          .join('; ')}`,
      );
    }
    return result.plan;
  }
}
