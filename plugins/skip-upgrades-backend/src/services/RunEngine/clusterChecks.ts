import {
  checkClusterUpgrade,
  checkNodePools,
} from '../../rules/checkUpgradeRules';
import { compareVersionTexts } from '../../rules/platformVersion';
import type { ClusterHealth, FleetReader } from '../FleetReader/types';

/** Apps that count as broken: the ones a soak or postflight must not see newly appear. */
const BROKEN = new Set(['Degraded', 'Missing']);

/** What a check printed and found. */
export type CheckResult = {
  ok: boolean;
  lines: string[];
  error?: string;
  /** Kept on the step for later checks (the apps already broken before the upgrade). */
  detail?: { brokenApps: string[] };
};

const appRef = (a: { namespace: string; name: string }) =>
  `${a.namespace}/${a.name}`;

function brokenApps(health: ClusterHealth): string[] {
  return health.unhealthyApps
    .filter(a => BROKEN.has(a.health))
    .map(appRef)
    .sort();
}

/**
 * The checks the portal makes itself around an upgrade, against the fleet cache: before,
 * the cluster's release and the version rules as the fleet is now; after, the target
 * reached, nodes Ready and no Argo CD app newly broken.
 */
export class ClusterChecks {
  constructor(private readonly fleet: FleetReader) {}

  async preflight(
    cluster: string,
    target: string,
    kubernetesTarget: string,
  ): Promise<CheckResult> {
    const clusters = await this.fleet.clusters();
    const me = clusters.find(c => c.metadata.name === cluster);
    if (!me)
      return {
        ok: false,
        lines: [],
        error: `${cluster} is no longer in the fleet`,
      };
    const versions = new Map(clusters.map(c => [c.metadata.name, c.version]));
    const health = await this.fleet.health(cluster);
    const problems = [
      ...checkClusterUpgrade(me, target, clusters, versions).filter(
        // Already at the target (a re-run after a partial upgrade) is fine: gkectl finishes what is left.
        p =>
          !(
            p.rule === 'no-downgrade' &&
            me.version &&
            compareVersionTexts(me.version, target) === 0
          ),
      ),
      ...checkNodePools(cluster, kubernetesTarget, health.pools),
    ];
    const broken = brokenApps(health);
    const lines = [
      `${cluster} reports ${
        me.version ?? 'an unknown release'
      }; target ${target}`,
      `nodes: ${health.nodesTotal - health.notReadyNodes.length}/${
        health.nodesTotal
      } Ready`,
      ...problems.map(p => `[FAILURE] rule ${p.rule}: ${p.message}`),
      broken.length
        ? `Argo CD apps already Degraded or Missing before the upgrade (not held against it): ${broken.join(
            ', ',
          )}`
        : 'every Argo CD app on the cluster is Healthy or progressing',
    ];
    if (problems.length) {
      return {
        ok: false,
        lines,
        error: problems.map(p => `rule ${p.rule}: ${p.message}`).join('; '),
        detail: { brokenApps: broken },
      };
    }
    return { ok: true, lines, detail: { brokenApps: broken } };
  }

  /** Nodes Ready and no app broken that was not broken before (`baseline`). */
  async healthy(
    cluster: string,
    baseline: string[],
  ): Promise<{ ok: boolean; problems: string[]; health: ClusterHealth }> {
    const health = await this.fleet.health(cluster);
    const problems: string[] = [];
    if (!health.reachable) problems.push(`${cluster} cannot be reached`);
    if (health.notReadyNodes.length)
      problems.push(
        `nodes not Ready on ${cluster}: ${health.notReadyNodes.join(', ')}`,
      );
    const before = new Set(baseline);
    for (const app of health.unhealthyApps.filter(
      a => BROKEN.has(a.health) && !before.has(appRef(a)),
    )) {
      problems.push(
        `Argo CD app ${app.name} on ${cluster} (${app.namespace}) turned ${app.health}`,
      );
    }
    return { ok: problems.length === 0, problems, health };
  }

  async postflight(
    cluster: string,
    target: string,
    baseline: string[],
  ): Promise<CheckResult> {
    const { problems, health } = await this.healthy(cluster, baseline);
    if (health.upgrading)
      problems.unshift(`${cluster} still reports an upgrade in progress`);
    if (!health.version || compareVersionTexts(health.version, target) !== 0) {
      problems.unshift(
        `${cluster} reports ${health.version ?? 'no release'}, not ${target}`,
      );
    }
    const lines = [
      `${cluster} reports ${health.version ?? 'no release'}`,
      `nodes: ${health.nodesTotal - health.notReadyNodes.length}/${
        health.nodesTotal
      } Ready`,
      ...problems.map(p => `[FAILURE] ${p}`),
    ];
    return problems.length
      ? { ok: false, lines, error: problems.join('; ') }
      : {
          ok: true,
          lines: [...lines, `${cluster} is at ${target} and healthy`],
        };
  }
}
