import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of permissions that concern one team (the resourceRef is the team's group entity ref). */
export const SKIP_TEAM_RESOURCE_TYPE = 'skip-team';

/**
 * Resource type of permissions that concern one namespace of one cluster; the resourceRef
 * is `<cluster>/<namespace>` (see {@link clusterNamespaceRef}).
 */
export const SKIP_CLUSTER_NAMESPACE_RESOURCE_TYPE = 'skip-cluster-namespace';

/** The resourceRef of a namespace on a cluster. */
export function clusterNamespaceRef(cluster: string, namespace: string) {
  return `${cluster}/${namespace}`;
}

/** Splits a resourceRef made by {@link clusterNamespaceRef}; undefined when it is not one. */
export function parseClusterNamespaceRef(
  ref: string,
): { cluster: string; namespace: string } | undefined {
  const slash = ref.lastIndexOf('/');
  if (slash <= 0 || slash === ref.length - 1) return undefined;
  return { cluster: ref.slice(0, slash), namespace: ref.slice(slash + 1) };
}

/** See the fleet: clusters, the apps of components and teams, Argo CD state. */
export const skipFleetReadPermission = createPermission({
  name: 'skip.fleet.read',
  attributes: { action: 'read' },
});

/**
 * Look inside one namespace of one cluster: resource details, events and pod logs, which
 * can hold secrets. By default the owning team and the platform team may.
 */
export const skipNamespaceReadPermission = createPermission({
  name: 'skip.fleet.namespace.read',
  attributes: { action: 'read' },
  resourceType: SKIP_CLUSTER_NAMESPACE_RESOURCE_TYPE,
});

/** Ask Argo CD to refresh an app (compare with git again); the resource is its destination namespace. */
export const skipArgoAppRefreshPermission = createPermission({
  name: 'skip.argocd.app.refresh',
  attributes: { action: 'update' },
  resourceType: SKIP_CLUSTER_NAMESPACE_RESOURCE_TYPE,
});

/** Ask Argo CD to sync an app; the resource is its destination namespace. */
export const skipArgoAppSyncPermission = createPermission({
  name: 'skip.argocd.app.sync',
  attributes: { action: 'update' },
  resourceType: SKIP_CLUSTER_NAMESPACE_RESOURCE_TYPE,
});

/** See upgrade runs and their steps. */
export const skipUpgradeReadPermission = createPermission({
  name: 'skip.upgrade.run.read',
  attributes: { action: 'read' },
});

/** Plan and start a staged cluster upgrade. */
export const skipUpgradeRunCreatePermission = createPermission({
  name: 'skip.upgrade.run.create',
  attributes: { action: 'create' },
});

/** Approve a gate of a running upgrade. */
export const skipUpgradeGateApprovePermission = createPermission({
  name: 'skip.upgrade.gate.approve',
  attributes: { action: 'update' },
});

/** Cancel a running upgrade. */
export const skipUpgradeRunCancelPermission = createPermission({
  name: 'skip.upgrade.run.cancel',
  attributes: { action: 'update' },
});

/** See access rules, plans and drift. */
export const skipAccessReadPermission = createPermission({
  name: 'skip.access.read',
  attributes: { action: 'read' },
});

/** Add, change and remove access rules (what the next plan will want). */
export const skipAccessRuleWritePermission = createPermission({
  name: 'skip.access.rule.write',
  attributes: { action: 'update' },
});

/** Apply RBAC plans to clusters, run the drift check and repair drift. */
export const skipAccessApplyPermission = createPermission({
  name: 'skip.access.plan.apply',
  attributes: { action: 'update' },
});

/**
 * Write a rule with, or apply a binding of, an escalating role (cluster-admin and any role
 * that can grant, bind or impersonate): needed on top of the rule write or apply permission.
 */
export const skipAccessEscalationApprovePermission = createPermission({
  name: 'skip.access.escalation.approve',
  attributes: { action: 'update' },
});

/** See namespace prefixes and onboarding requests. */
export const skipOnboardingReadPermission = createPermission({
  name: 'skip.onboarding.read',
  attributes: { action: 'read' },
});

/** Request onboarding (a namespace prefix) for a team; members may do it for their own team. */
export const skipOnboardingRequestCreatePermission = createPermission({
  name: 'skip.onboarding.request.create',
  attributes: { action: 'create' },
  resourceType: SKIP_TEAM_RESOURCE_TYPE,
});

/** Approve or reject an onboarding request. */
export const skipOnboardingRequestApprovePermission = createPermission({
  name: 'skip.onboarding.request.approve',
  attributes: { action: 'update' },
});

/** Every permission of the suite, for registration and for policies. */
export const skipPermissions = [
  skipFleetReadPermission,
  skipNamespaceReadPermission,
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipUpgradeReadPermission,
  skipUpgradeRunCreatePermission,
  skipUpgradeGateApprovePermission,
  skipUpgradeRunCancelPermission,
  skipAccessReadPermission,
  skipAccessRuleWritePermission,
  skipAccessApplyPermission,
  skipAccessEscalationApprovePermission,
  skipOnboardingReadPermission,
  skipOnboardingRequestCreatePermission,
  skipOnboardingRequestApprovePermission,
];
