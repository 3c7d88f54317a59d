import type { FleetCluster } from '../services/FleetReader/types';
import { compareVersions, parsePlatformVersion } from './platformVersion';
import { rulesFor } from './releases';

/** A rule a plan or a step would break, named, with the cluster it concerns. */
export type RuleViolation = { rule: string; cluster: string; message: string };

/** The release each cluster will be at, for skew checks: after the plan, or now. */
export type VersionsAfter = Map<string, string | undefined>;

/**
 * Every rule an upgrade of `cluster` to `target` breaks, given the versions the other
 * clusters will have at that point (GKECTL.md, "Version rules").
 */
export function checkClusterUpgrade(
  cluster: FleetCluster,
  target: string,
  fleet: FleetCluster[],
  versionsAtThatPoint: VersionsAfter,
): RuleViolation[] {
  const name = cluster.metadata.name;
  const t = parsePlatformVersion(target)!;
  const current = parsePlatformVersion(cluster.version);
  const rules = rulesFor(target);
  const problems: RuleViolation[] = [];
  if (!current) {
    return [
      {
        rule: 'version-known',
        cluster: name,
        message: `the release of ${name} is unknown (the cluster or its admin cluster cannot be reached); a plan needs every cluster's current release`,
      },
    ];
  }
  if (compareVersions(t, current) < 0) {
    problems.push({
      rule: 'no-downgrade',
      cluster: name,
      message: `${name} is at ${current.text}, newer than ${t.text}; GKE on VMware has no downgrade`,
    });
  }
  if (t.minor > current.minor + 1) {
    problems.push({
      rule: 'one-minor-at-a-time',
      cluster: name,
      message: `${name} is at ${
        current.text
      }; control planes move one minor version at a time, so it must go to 1.${
        current.minor + 1
      } before ${t.text}`,
    });
  }
  if (cluster.upgrading) {
    problems.push({
      rule: 'one-change-at-a-time',
      cluster: name,
      message: `${name} reports an upgrade in progress; wait for it to end`,
    });
  }
  const role = cluster.metadata.role;
  if (
    role === 'user' &&
    cluster.metadata.controlPlane === 'kubeception' &&
    !rules.kubeceptionAllowed
  ) {
    problems.push({
      rule: 'kubeception-before-1.33',
      cluster: name,
      message: `user cluster ${name} uses the kubeception control plane, which cannot be upgraded to ${t.text} (1.33 or later): migrate it to Controlplane V2 first (enableControlplaneV2: true)`,
    });
  }
  if (
    role === 'user' &&
    rules.adminAtLeastUsers &&
    cluster.metadata.adminCluster
  ) {
    const admin = parsePlatformVersion(
      versionsAtThatPoint.get(cluster.metadata.adminCluster),
    );
    if (admin && compareVersions(admin, t) < 0) {
      problems.push({
        rule: 'admin-at-least-users',
        cluster: name,
        message: `from 1.31 the admin cluster must be at least every user cluster: ${cluster.metadata.adminCluster} would be at ${admin.text}, below ${t.text}`,
      });
    }
  }
  if (role === 'admin') {
    for (const user of fleet.filter(
      c =>
        c.metadata.adminCluster === name &&
        c.metadata.platform === 'anthos-vmware',
    )) {
      const uv = parsePlatformVersion(
        versionsAtThatPoint.get(user.metadata.name),
      );
      if (!uv) continue;
      if (rules.usersAtLeastAdminMinor && uv.minor < t.minor) {
        problems.push({
          rule: 'users-at-least-admin-minor',
          cluster: name,
          message: `up to 1.30 a user cluster's minor version must be at least its admin cluster's: ${user.metadata.name} would stay at ${uv.text}, so ${name} cannot go to ${t.text}; upgrade the user clusters first`,
        });
      }
      if (t.minor - uv.minor > rules.adminManagesMinorsBack) {
        problems.push({
          rule: 'admin-manages-two-minors-back',
          cluster: name,
          message: `admin cluster ${name} at ${t.text} cannot manage ${user.metadata.name} at ${uv.text} (more than ${rules.adminManagesMinorsBack} minor versions older)`,
        });
      }
    }
  }
  return problems;
}

/** Node pools may lag the control plane by one minor: a pool further behind must move first. */
export function checkNodePools(
  cluster: string,
  targetKubernetesVersion: string,
  pools: { name: string; kubeletVersions: string[] }[],
): RuleViolation[] {
  const target = /^v?\d+\.(\d+)/.exec(targetKubernetesVersion);
  if (!target) return [];
  const targetMinor = Number(target[1]);
  const problems: RuleViolation[] = [];
  for (const pool of pools) {
    for (const kubelet of pool.kubeletVersions) {
      const m = /^v?\d+\.(\d+)/.exec(kubelet);
      if (m && targetMinor - Number(m[1]) > 1) {
        problems.push({
          rule: 'node-pools-lag-one-minor',
          cluster,
          message: `node pool ${pool.name} of ${cluster} runs kubelet ${kubelet}; node pools may lag the control plane (${targetKubernetesVersion}) by one minor version at most: upgrade the pool first`,
        });
      }
    }
  }
  return problems;
}
