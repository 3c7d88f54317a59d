import type { UpgradePlanStep } from '@internal/plugin-skip-common';
import { parseDocument } from 'yaml';
import type { UpgradeSite } from '../../config/upgradesConfig';
import { compareVersionTexts } from '../../rules/platformVersion';
import type { CommandExecutor } from '../Executors/types';
import type { FleetReader } from '../FleetReader/types';
import type {
  RenderedCommand,
  StepContext,
  UpgradeDriver,
  Verification,
  StepIo,
  StepResult,
} from './types';

/** Did a cluster reach the target? Still UPGRADING or unreachable counts as in progress. */
export async function upgradeReached(
  fleet: FleetReader,
  clusterName: string | undefined,
  targetVersion: string,
): Promise<Verification> {
  const cluster = (await fleet.clusters()).find(
    c => c.metadata.name === clusterName,
  );
  if (!cluster || !cluster.reachable || cluster.upgrading) return 'in-progress';
  return cluster.version &&
    compareVersionTexts(cluster.version, targetVersion) >= 0
    ? 'reached'
    : 'not-reached';
}

/** Quotes an argument for display only (commands run as argument arrays). */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_./=:,@%+-]+$/.test(arg)
    ? arg
    : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * GKE on VMware through gkeadm and gkectl on each site's admin workstation: renders every
 * step as the exact argument array it runs, runs it through the site's executor, and checks
 * against the fleet whether an interrupted upgrade reached its end.
 */
export class GkectlDriver implements UpgradeDriver {
  private constructor(
    private readonly sites: Map<string, UpgradeSite>,
    private readonly executors: Map<string, CommandExecutor>,
    private readonly fleet: FleetReader,
  ) {}

  static create(options: {
    sites: UpgradeSite[];
    executors: Map<string, CommandExecutor>;
    fleet: FleetReader;
  }): GkectlDriver {
    return new GkectlDriver(
      new Map(options.sites.map(s => [s.name, s])),
      options.executors,
      options.fleet,
    );
  }

  render(step: StepContext): RenderedCommand {
    const site = this.sites.get(step.site);
    const command = site ? this.command(site, step) : undefined;
    if (command) return { command, display: command.map(shellQuote).join(' ') };
    const cluster = step.cluster?.name ?? '';
    switch (step.kind) {
      case 'set-config-version':
        return {
          display: `set gkeOnPremVersion: ${step.targetVersion} in ${
            site ? this.entry(site, cluster)?.config ?? '?' : '?'
          }`,
        };
      case 'preflight-versions':
        return {
          display: `portal check: ${cluster}'s release in the fleet, the version rules of ${step.targetVersion}, no other upgrade running`,
        };
      case 'postflight-verify':
        return {
          display: `portal check: ${cluster} reports ${step.targetVersion}, every node Ready, no Argo CD app on it newly unhealthy`,
        };
      case 'soak':
        return {
          display:
            "portal check, every few seconds: the stage's nodes Ready and its Argo CD apps Healthy",
        };
      case 'approval':
        return { display: 'a platform-team member approves in the portal' };
      case 'time-window':
        return { display: 'the portal waits until the window is open' };
      default:
        return { display: '' };
    }
  }

  private entry(site: UpgradeSite, cluster: string) {
    return site.clusters.find(c => c.name === cluster);
  }

  private command(site: UpgradeSite, step: StepContext): string[] | undefined {
    const t = step.targetVersion;
    const cluster = step.cluster;
    const adminName =
      cluster?.role === 'admin' ? cluster.name : cluster?.adminCluster;
    const kubeconfig = adminName
      ? this.entry(site, adminName)?.kubeconfig ?? ''
      : '';
    const config = cluster ? this.entry(site, cluster.name)?.config ?? '' : '';
    const diagnose = [
      site.gkectl,
      'diagnose',
      'cluster',
      '--kubeconfig',
      kubeconfig,
      ...(cluster?.role === 'user' ? ['--cluster-name', cluster.name] : []),
    ];
    switch (step.kind) {
      case 'upgrade-gkeadm':
        return [site.gkeadm, 'upgrade', 'gkeadm', '--target-version', t];
      case 'upgrade-admin-workstation':
        return [
          site.gkeadm,
          'upgrade',
          'admin-workstation',
          '--config',
          site.adminWorkstation.config,
          '--info-file',
          site.adminWorkstation.infoFile,
        ];
      case 'prepare-bundle':
        return [
          site.gkectl,
          'prepare',
          '--bundle-path',
          `${site.bundleDir.replace(
            /\/$/,
            '',
          )}/gke-onprem-vsphere-${t}-full.tgz`,
          '--kubeconfig',
          kubeconfig,
        ];
      case 'preflight-check-config':
        return [
          site.gkectl,
          'check-config',
          '--config',
          config,
          '--kubeconfig',
          kubeconfig,
          '--fast',
        ];
      case 'preflight-diagnose':
      case 'postflight-diagnose':
        return diagnose;
      case 'upgrade-user-cluster':
        return [
          site.gkectl,
          'upgrade',
          'cluster',
          '--kubeconfig',
          kubeconfig,
          '--config',
          config,
        ];
      case 'upgrade-admin-cluster':
        return [
          site.gkectl,
          'upgrade',
          'admin',
          '--kubeconfig',
          kubeconfig,
          '--config',
          config,
        ];
      default:
        return undefined;
    }
  }

  executorOf(site: string): CommandExecutor {
    const executor = this.executors.get(site);
    if (!executor)
      throw new Error(`site ${site} has no executor (skip.upgrades.sites)`);
    return executor;
  }

  async execute(
    step: UpgradePlanStep & { site: string },
    targetVersion: string,
    io: StepIo,
  ): Promise<StepResult> {
    const site = this.sites.get(step.site);
    if (!site)
      return { exitCode: 1, error: `site ${step.site} is not configured` };
    const executor = this.executorOf(step.site);
    if (step.kind === 'set-config-version') {
      const path = this.entry(site, step.cluster ?? '')?.config;
      if (!path)
        return {
          exitCode: 1,
          error: `${step.cluster} has no config file configured`,
        };
      const doc = parseDocument(
        await executor.readFile(path, { cwd: site.workDir }),
      );
      const before = doc.get('gkeOnPremVersion');
      doc.set('gkeOnPremVersion', targetVersion);
      await executor.writeFile(path, doc.toString(), { cwd: site.workDir });
      io.onLine({
        stream: 'portal',
        line: `${path}: gkeOnPremVersion ${String(
          before ?? '(unset)',
        )} -> ${targetVersion}`,
      });
      return { exitCode: 0 };
    }
    if (!step.command)
      return { exitCode: 1, error: `step ${step.key} has no command` };
    let lastError: string | undefined;
    let errorFollows = false;
    const result = await executor.run({
      argv: step.command,
      cwd: site.workDir,
      signal: io.signal,
      onLine: line => {
        io.onLine(line);
        // gkectl ends a failure with "Exit with error:" and the reason on the next line.
        if (errorFollows && line.line.trim()) {
          lastError = line.line.trim();
          errorFollows = false;
        }
        if (line.line.startsWith('Exit with error')) errorFollows = true;
      },
    });
    return {
      exitCode: result.exitCode,
      ...(result.exitCode !== 0
        ? {
            error: result.signal
              ? `stopped by ${result.signal}`
              : lastError ?? `exit code ${result.exitCode}`,
          }
        : {}),
    };
  }

  async verify(
    step: UpgradePlanStep & { site: string },
    targetVersion: string,
  ): Promise<Verification> {
    if (
      step.kind === 'upgrade-user-cluster' ||
      step.kind === 'upgrade-admin-cluster'
    ) {
      return upgradeReached(this.fleet, step.cluster, targetVersion);
    }
    if (step.kind === 'upgrade-admin-workstation') {
      const version = await this.gkectlVersion(step.site).catch(
        () => undefined,
      );
      return version && compareVersionTexts(version, targetVersion) >= 0
        ? 'reached'
        : 'not-reached';
    }
    // Checks, bundle preparation and the config edit are safe to run again.
    return 'not-reached';
  }

  async gkectlVersion(site: string): Promise<string> {
    const config = this.sites.get(site);
    if (!config) throw new Error(`site ${site} is not configured`);
    const lines: string[] = [];
    const result = await this.executorOf(site).run({
      argv: [config.gkectl, 'version'],
      cwd: config.workDir,
      signal: AbortSignal.timeout(30_000),
      onLine: line => lines.push(line.line),
    });
    const version = lines
      .map(l => /gkectl version:\s*v?(\S+)/.exec(l)?.[1])
      .find(Boolean);
    if (result.exitCode !== 0 || !version) {
      throw new Error(
        `gkectl version on site ${site} failed (exit code ${result.exitCode})`,
      );
    }
    return version;
  }
}
