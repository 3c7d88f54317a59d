import { parsePlatformVersion } from './platformVersion';

/** Which cluster of a site moves first for a target release (GKECTL.md, "Order"). */
export type UpgradeOrder = 'user-clusters-first' | 'admin-first';

/** The version rules of the releases from `fromMinor` on, until the next entry. */
export type ReleaseRules = {
  fromMinor: number;
  order: UpgradeOrder;
  /** Up to 1.30: a user cluster's minor must be at least its admin cluster's. */
  usersAtLeastAdminMinor: boolean;
  /** From 1.31: the admin cluster (patch included) must be at least every user cluster. */
  adminAtLeastUsers: boolean;
  /** How many minors older a user cluster its admin cluster still manages. */
  adminManagesMinorsBack: number;
  /** Kubeception user clusters are refused from 1.33 (migrate to Controlplane V2 first). */
  kubeceptionAllowed: boolean;
};

/**
 * The rules per release line, as data: Google changed them between releases, and a runbook
 * must apply the rule of the version it targets, not one fixed order (GKECTL.md).
 */
export const RELEASE_RULES: ReleaseRules[] = [
  {
    fromMinor: 0,
    order: 'user-clusters-first',
    usersAtLeastAdminMinor: true,
    adminAtLeastUsers: false,
    adminManagesMinorsBack: 1,
    kubeceptionAllowed: true,
  },
  {
    fromMinor: 30,
    order: 'user-clusters-first',
    usersAtLeastAdminMinor: true,
    adminAtLeastUsers: false,
    adminManagesMinorsBack: 2,
    kubeceptionAllowed: true,
  },
  {
    fromMinor: 31,
    order: 'admin-first',
    usersAtLeastAdminMinor: false,
    adminAtLeastUsers: true,
    adminManagesMinorsBack: 2,
    kubeceptionAllowed: true,
  },
  {
    fromMinor: 33,
    order: 'admin-first',
    usersAtLeastAdminMinor: false,
    adminAtLeastUsers: true,
    adminManagesMinorsBack: 2,
    kubeceptionAllowed: false,
  },
];

/** The rules that apply to an upgrade to `version`. */
export function rulesFor(version: string): ReleaseRules {
  const minor = parsePlatformVersion(version)?.minor ?? 0;
  let rules = RELEASE_RULES[0];
  for (const entry of RELEASE_RULES)
    if (entry.fromMinor <= minor) rules = entry;
  return rules;
}

/** A GKE on VMware release the portal can plan for, with the Kubernetes version it runs. */
export type Release = { version: string; kubernetesVersion: string };

/** The releases known by default; `skip.upgrades.releases` adds more. */
export const DEFAULT_RELEASES: Release[] = [
  { version: '1.30.300-gke.84', kubernetesVersion: 'v1.30.6-gke.1700' },
  { version: '1.30.400-gke.133', kubernetesVersion: 'v1.30.8-gke.1300' },
  { version: '1.31.200-gke.59', kubernetesVersion: 'v1.31.5-gke.1300' },
  { version: '1.31.300-gke.81', kubernetesVersion: 'v1.31.6-gke.1000' },
  { version: '1.32.100-gke.106', kubernetesVersion: 'v1.32.2-gke.1200' },
  { version: '1.32.200-gke.104', kubernetesVersion: 'v1.32.4-gke.1100' },
  { version: '1.33.0-gke.799', kubernetesVersion: 'v1.33.1-gke.1500' },
];
