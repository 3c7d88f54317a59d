import { createHash } from 'node:crypto';
import {
  ENVIRONMENTS,
  Environment,
  environmentRank,
  UpgradeLeftOut,
  UpgradePlan,
  UpgradePlannedCluster,
  UpgradePlanRequest,
  UpgradePlanStage,
  UpgradePlanStep,
  UpgradeStepKind,
} from '@internal/plugin-skip-common';
import type { UpgradesConfig } from '../../config/upgradesConfig';
import {
  checkClusterUpgrade,
  checkNodePools,
  RuleViolation,
} from '../../rules/checkUpgradeRules';
import {
  compareVersionTexts,
  parsePlatformVersion,
} from '../../rules/platformVersion';
import { Release, rulesFor } from '../../rules/releases';
import type { RenderedCommand, StepContext } from '../Drivers/types';
import type { FleetCluster } from '../FleetReader/types';

/** Everything a plan is built from: a snapshot of the fleet and the workstations, and the config. */
export type PlanInputs = {
  request: UpgradePlanRequest;
  releases: Release[];
  clusters: FleetCluster[];
  /** Node pools of the clusters the plan would change (for the node-pool skew rule). */
  pools: Map<string, { name: string; kubeletVersions: string[] }[]>;
  /** gkectl's version per site, as `gkectl version` reported it. */
  workstationVersions: Map<string, string>;
  config: UpgradesConfig;
  render(step: StepContext): RenderedCommand;
  now: Date;
};

/** The result: a plan, or every rule it would break. */
export type PlanResult =
  | { plan: UpgradePlan; violations?: undefined }
  | { plan?: undefined; violations: RuleViolation[] };

const CLUSTER_SEQUENCE: UpgradeStepKind[] = [
  'set-config-version',
  'preflight-check-config',
  'preflight-diagnose',
  'preflight-versions',
  // the upgrade itself goes here
  'postflight-diagnose',
  'postflight-verify',
];

/**
 * Builds a staged plan: sandbox, dev, test, prod; within a site the admin workstation first,
 * then the clusters in the order the target release demands. Refuses (returns violations)
 * rather than build a plan that breaks a rule at any point, checking each upgrade against
 * the versions the fleet will have when that step runs.
 */
export function buildPlan(inputs: PlanInputs): PlanResult {
  const { request, clusters, config } = inputs;
  const target = request.targetVersion;
  const release = inputs.releases.find(r => r.version === target)!;
  const rules = rulesFor(target);
  const byName = new Map(clusters.map(c => [c.metadata.name, c]));
  const violations: RuleViolation[] = [];
  const leftOut: UpgradeLeftOut[] = [];

  const inScope = clusters.filter(c => {
    const s = request.scope;
    if (s.kind === 'cluster') return c.metadata.name === s.cluster;
    if (s.kind === 'environment')
      return c.metadata.environment === s.environment;
    return true;
  });

  // Which clusters change, and why the others do not.
  const changing = new Map<string, { cluster: FleetCluster; why?: string }>();
  for (const c of inScope) {
    const name = c.metadata.name;
    if (c.metadata.platform === 'gke') {
      leftOut.push({
        cluster: name,
        reason:
          'a GKE cluster: Google upgrades it to GKE versions (gcloud container clusters upgrade), not to a GKE on VMware release',
      });
    } else if (!c.version) {
      violations.push(...checkClusterUpgrade(c, target, clusters, new Map()));
    } else if (compareVersionTexts(c.version, target) === 0) {
      leftOut.push({ cluster: name, reason: `already at ${target}` });
    } else if (compareVersionTexts(c.version, target) > 0) {
      leftOut.push({ cluster: name, reason: `already newer (${c.version})` });
    } else {
      changing.set(name, { cluster: c });
    }
  }
  // From 1.31 the admin cluster must be at least its user clusters: it joins the plan.
  if (rules.adminAtLeastUsers) {
    for (const { cluster } of [...changing.values()]) {
      const adminName = cluster.metadata.adminCluster;
      const admin = adminName ? byName.get(adminName) : undefined;
      if (!admin || changing.has(admin.metadata.name)) continue;
      if (!admin.version || compareVersionTexts(admin.version, target) < 0) {
        changing.set(admin.metadata.name, {
          cluster: admin,
          why: `rule admin-at-least-users: from 1.31 ${admin.metadata.name} must be at least ${target} before its user clusters move`,
        });
      }
    }
  }

  // Where each cluster goes: user clusters in their environment's stage; an admin cluster
  // before its first user cluster (admin first) or after its last (user clusters first).
  const stageOf = new Map<string, Environment>();
  for (const { cluster } of changing.values()) {
    if (cluster.metadata.role === 'user')
      stageOf.set(cluster.metadata.name, cluster.metadata.environment);
  }
  for (const { cluster } of changing.values()) {
    if (cluster.metadata.role !== 'admin') continue;
    const userStages = [...changing.values()]
      .filter(u => u.cluster.metadata.adminCluster === cluster.metadata.name)
      .map(u => environmentRank(u.cluster.metadata.environment));
    let rank = environmentRank(cluster.metadata.environment);
    if (userStages.length) {
      rank =
        rules.order === 'admin-first'
          ? Math.min(...userStages)
          : Math.max(...userStages);
    }
    stageOf.set(cluster.metadata.name, ENVIRONMENTS[rank]);
  }

  // The order of cluster upgrades, then every rule checked against the versions at that point.
  const order = [...changing.values()]
    .map(v => v.cluster)
    .sort((a, b) => {
      const stage =
        environmentRank(stageOf.get(a.metadata.name)!) -
        environmentRank(stageOf.get(b.metadata.name)!);
      if (stage) return stage;
      const site = a.metadata.site.localeCompare(b.metadata.site);
      if (site) return site;
      const adminA = a.metadata.role === 'admin' ? 0 : 1;
      const adminB = b.metadata.role === 'admin' ? 0 : 1;
      if (adminA !== adminB)
        return rules.order === 'admin-first'
          ? adminA - adminB
          : adminB - adminA;
      return a.metadata.name.localeCompare(b.metadata.name);
    });
  const versions = new Map(clusters.map(c => [c.metadata.name, c.version]));
  for (const cluster of order) {
    violations.push(
      ...checkClusterUpgrade(cluster, target, clusters, versions),
    );
    violations.push(
      ...checkNodePools(
        cluster.metadata.name,
        release.kubernetesVersion,
        inputs.pools.get(cluster.metadata.name) ?? [],
      ),
    );
    versions.set(cluster.metadata.name, target);
  }
  // Once the plan is through, no admin cluster may be left managing clusters it must not.
  for (const admin of clusters.filter(
    c => c.metadata.role === 'admin' && !changing.has(c.metadata.name),
  )) {
    if (!admin.version || !rules.adminAtLeastUsers) continue;
    for (const user of order.filter(
      u => u.metadata.adminCluster === admin.metadata.name,
    )) {
      if (compareVersionTexts(admin.version, target) < 0) {
        violations.push({
          rule: 'admin-at-least-users',
          cluster: user.metadata.name,
          message: `from 1.31 the admin cluster must be at least every user cluster: ${admin.metadata.name} is at ${admin.version}, below ${target}`,
        });
      }
    }
  }
  // Every cluster needs its files on the workstation.
  for (const cluster of order) {
    const site = config.sites.find(s => s.name === cluster.metadata.site);
    const entry = site?.clusters.find(c => c.name === cluster.metadata.name);
    const adminEntry = site?.clusters.find(
      c =>
        c.name ===
        (cluster.metadata.role === 'admin'
          ? cluster.metadata.name
          : cluster.metadata.adminCluster),
    );
    const missing = [
      !site &&
        `site ${cluster.metadata.site} of ${cluster.metadata.name} has no admin workstation under skip.upgrades.sites`,
      !entry &&
        `${cluster.metadata.name} has no entry under skip.upgrades.sites[${cluster.metadata.site}].clusters (its gkectl config file)`,
      !adminEntry?.kubeconfig &&
        `the admin cluster of ${cluster.metadata.name} has no kubeconfig under skip.upgrades.sites[${cluster.metadata.site}].clusters`,
    ].find((m): m is string => !!m);
    if (!site || missing) {
      violations.push({
        rule: 'site-configured',
        cluster: cluster.metadata.name,
        message: missing ?? '',
      });
    } else if (!inputs.workstationVersions.has(site.name)) {
      violations.push({
        rule: 'workstation-reachable',
        cluster: cluster.metadata.name,
        message: `the admin workstation of site ${site.name} did not report its gkectl version`,
      });
    }
  }
  if (violations.length > 0) return { violations: dedupe(violations) };
  if (order.length === 0) {
    return {
      violations: [
        {
          rule: 'something-to-do',
          cluster:
            request.scope.kind === 'cluster'
              ? request.scope.cluster ?? ''
              : request.scope.environment ?? 'fleet',
          message: `nothing to upgrade to ${target}: ${
            leftOut.map(l => `${l.cluster} ${l.reason}`).join('; ') ||
            'no GKE on VMware cluster in the scope'
          }`,
        },
      ],
    };
  }

  const stages = assembleStages(inputs, order, stageOf);
  const planned: UpgradePlannedCluster[] = order.map(c => ({
    name: c.metadata.name,
    environment: c.metadata.environment,
    role: c.metadata.role,
    ...(c.metadata.adminCluster
      ? { adminCluster: c.metadata.adminCluster }
      : {}),
    from: c.version!,
    to: target,
    ...(changing.get(c.metadata.name)?.why
      ? { why: changing.get(c.metadata.name)!.why }
      : {}),
  }));
  const digest = createHash('sha256')
    .update(JSON.stringify({ target, scope: request.scope, stages }))
    .digest('hex');
  return {
    plan: {
      targetVersion: target,
      kubernetesVersion: release.kubernetesVersion,
      scope: request.scope,
      order: rules.order,
      stages,
      clusters: planned,
      leftOut,
      digest,
      createdAt: inputs.now.toISOString(),
    },
  };
}

function dedupe(violations: RuleViolation[]): RuleViolation[] {
  const seen = new Set<string>();
  return violations.filter(v => {
    const key = `${v.rule}|${v.cluster}|${v.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function assembleStages(
  inputs: PlanInputs,
  order: FleetCluster[],
  stageOf: Map<string, Environment>,
): UpgradePlanStage[] {
  const { config, request } = inputs;
  const target = request.targetVersion;
  const expected = config.expectedSeconds;
  const approvalBefore = new Set([
    ...config.gates.approvalBefore,
    ...(request.gates?.approvalBefore ?? []),
  ]);
  const approvalAfter = new Set(request.gates?.approvalAfter ?? []);
  const sitesDone = new Set<string>();
  const adminsPrepared = new Set<string>();
  const stages: UpgradePlanStage[] = [];

  for (const environment of ENVIRONMENTS) {
    const here = order.filter(
      c => stageOf.get(c.metadata.name) === environment,
    );
    if (here.length === 0) continue;
    const steps: UpgradePlanStep[] = [];
    const add = (
      kind: UpgradeStepKind,
      ctx: Partial<StepContext> & {
        key: string;
        title: string;
        why?: string;
        expectedSeconds: number;
      },
    ) => {
      const rendered = inputs.render({
        kind,
        site: ctx.site ?? '',
        targetVersion: target,
        cluster: ctx.cluster,
      });
      steps.push({
        key: `${environment}/${ctx.key}`,
        kind,
        title: ctx.title,
        ...(ctx.site ? { site: ctx.site } : {}),
        ...(ctx.cluster ? { cluster: ctx.cluster.name } : {}),
        ...(rendered.command ? { command: rendered.command } : {}),
        display: rendered.display,
        ...(ctx.why ? { why: ctx.why } : {}),
        expectedSeconds: ctx.expectedSeconds,
      });
    };
    if (approvalBefore.has(environment)) {
      const fourEyes = config.gates.fourEyes.includes(environment);
      add('approval', {
        key: 'approval/before',
        title: `Approve the ${environment} stage`,
        why: fourEyes
          ? `skip.upgrades.gates: approval before ${environment}, by someone other than who started the run`
          : `approval before ${environment}`,
        expectedSeconds: 0,
      });
    }
    const window = config.gates.windows[environment];
    if (window) {
      add('time-window', {
        key: 'time-window',
        title: `Wait for the ${environment} window (${window.days.join(',')} ${
          window.from
        }–${window.to} ${window.timeZone})`,
        why: `skip.upgrades.gates.windows.${environment}`,
        expectedSeconds: 0,
      });
    }
    for (const site of [...new Set(here.map(c => c.metadata.site))].sort()) {
      const gkectl = inputs.workstationVersions.get(site);
      if (
        !sitesDone.has(site) &&
        gkectl &&
        compareVersionTexts(gkectl, target) < 0
      ) {
        const why = `rule gkectl-at-least-target: gkectl on the ${site} admin workstation is ${gkectl}, older than ${target}; the admin workstation goes first`;
        add('upgrade-gkeadm', {
          key: `upgrade-gkeadm/${site}`,
          site,
          title: `Upgrade gkeadm on the ${site} admin workstation to ${target}`,
          why,
          expectedSeconds: expected.check,
        });
        add('upgrade-admin-workstation', {
          key: `upgrade-admin-workstation/${site}`,
          site,
          title: `Upgrade the ${site} admin workstation (gkectl) to ${target}`,
          why,
          expectedSeconds: expected.adminWorkstation,
        });
      }
      sitesDone.add(site);
      for (const cluster of here.filter(c => c.metadata.site === site)) {
        const adminName =
          cluster.metadata.role === 'admin'
            ? cluster.metadata.name
            : cluster.metadata.adminCluster!;
        if (!adminsPrepared.has(adminName)) {
          adminsPrepared.add(adminName);
          add('prepare-bundle', {
            key: `prepare-bundle/${adminName}`,
            site,
            cluster: { name: adminName, role: 'admin' },
            title: `Prepare the ${target} bundle in admin cluster ${adminName}`,
            expectedSeconds: expected.prepare,
          });
        }
        const own = cluster.metadata.environment;
        if (
          cluster.metadata.role === 'admin' &&
          own !== environment &&
          approvalBefore.has(own)
        ) {
          add('approval', {
            key: `approval/${cluster.metadata.name}`,
            cluster: { name: cluster.metadata.name, role: 'admin' },
            title: `Approve upgrading ${own} admin cluster ${cluster.metadata.name} in the ${environment} stage`,
            why: `${cluster.metadata.name} belongs to ${own}, whose clusters need approval (skip.upgrades.gates.approvalBefore); the version rules move it into the ${environment} stage`,
            expectedSeconds: 0,
          });
        }
        const ref = {
          name: cluster.metadata.name,
          role: cluster.metadata.role,
          ...(cluster.metadata.adminCluster
            ? { adminCluster: cluster.metadata.adminCluster }
            : {}),
        };
        const what =
          cluster.metadata.role === 'admin' ? 'admin cluster' : 'user cluster';
        const upgradeKind: UpgradeStepKind =
          cluster.metadata.role === 'admin'
            ? 'upgrade-admin-cluster'
            : 'upgrade-user-cluster';
        const enrolled =
          config.sites
            .find(x => x.name === site)
            ?.clusters.find(x => x.name === cluster.metadata.name)
            ?.upgradeWith === 'onprem-api';
        const upgradeSeconds =
          expected.controlPlane +
          expected.perNode * (cluster.nodes?.total ?? 3);
        const quickChecks: UpgradeStepKind[] = [
          'set-config-version',
          'preflight-versions',
          'postflight-verify',
        ];
        const expectedFor = (kind: UpgradeStepKind) => {
          if (kind === upgradeKind) return upgradeSeconds;
          return quickChecks.includes(kind) ? 5 : expected.check;
        };
        for (const kind of [
          ...CLUSTER_SEQUENCE.slice(0, 4),
          upgradeKind,
          ...CLUSTER_SEQUENCE.slice(4),
        ]) {
          add(kind, {
            key: `${kind}/${cluster.metadata.name}`,
            site,
            cluster: ref,
            ...(kind === 'upgrade-user-cluster' && enrolled
              ? {
                  why: `${cluster.metadata.name} is enrolled in the GKE On-Prem API (skip.upgrades.sites: upgradeWith onprem-api): Google runs its upgrade; the checks around it stay gkectl's`,
                }
              : {}),
            title: stepTitle(
              kind,
              what,
              cluster.metadata.name,
              target,
              cluster.version!,
            ),
            expectedSeconds: expectedFor(kind),
          });
        }
      }
    }
    // A plan may lengthen the configured soak, never shorten it.
    const configuredSoak = config.gates.soakSeconds[environment] ?? 0;
    const soak = Math.max(
      inputs.request.gates?.soakSeconds ?? 0,
      configuredSoak,
    );
    if (soak > 0) {
      add('soak', {
        key: 'soak',
        title: `Soak ${environment} for ${soak} s: nodes Ready and Argo CD apps Healthy`,
        why:
          soak > configuredSoak
            ? 'gates.soakSeconds of this plan'
            : `skip.upgrades.gates.soakSeconds.${environment}`,
        expectedSeconds: soak,
      });
    }
    if (approvalAfter.has(environment)) {
      add('approval', {
        key: 'approval/after',
        title: `Approve the end of the ${environment} stage`,
        why: `approval after ${environment}`,
        expectedSeconds: 0,
      });
    }
    stages.push({ name: environment, environment, steps });
  }
  return stages;
}

function stepTitle(
  kind: UpgradeStepKind,
  what: string,
  name: string,
  target: string,
  from: string,
): string {
  switch (kind) {
    case 'set-config-version':
      return `Set gkeOnPremVersion ${target} in the config of ${name}`;
    case 'preflight-check-config':
      return `Preflight: gkectl check-config for ${name}`;
    case 'preflight-diagnose':
      return `Preflight: diagnose ${name}`;
    case 'preflight-versions':
      return `Preflight: ${name} is at ${from} and the version rules allow ${target}`;
    case 'upgrade-admin-cluster':
    case 'upgrade-user-cluster':
      return `Upgrade ${what} ${name} from ${from} to ${target}`;
    case 'postflight-diagnose':
      return `Postflight: diagnose ${name}`;
    case 'postflight-verify':
      return `Postflight: ${name} reports ${target}, nodes Ready, Argo CD apps still Healthy`;
    default:
      return `${kind} ${name}`;
  }
}

/** Whether a version text is a known release. */
export function isKnownRelease(releases: Release[], version: string): boolean {
  return (
    !!parsePlatformVersion(version) && releases.some(r => r.version === version)
  );
}
