import { createPermission } from '@backstage/plugin-permission-common';

/** Resource type of permissions that concern one team (the resourceRef is the team's group entity ref). */
export const SKIP_TEAM_RESOURCE_TYPE = 'skip-team';

/** See the fleet: clusters, apps, Argo CD state, events and logs. */
export const skipFleetReadPermission = createPermission({
  name: 'skip.fleet.read',
  attributes: { action: 'read' },
});

/** Ask Argo CD to refresh an app (compare with git again). */
export const skipArgoAppRefreshPermission = createPermission({
  name: 'skip.argocd.app.refresh',
  attributes: { action: 'update' },
});

/** Ask Argo CD to sync an app. */
export const skipArgoAppSyncPermission = createPermission({
  name: 'skip.argocd.app.sync',
  attributes: { action: 'update' },
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

/** Change access rules and apply RBAC plans to clusters. */
export const skipAccessApplyPermission = createPermission({
  name: 'skip.access.plan.apply',
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
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipUpgradeReadPermission,
  skipUpgradeRunCreatePermission,
  skipUpgradeGateApprovePermission,
  skipUpgradeRunCancelPermission,
  skipAccessReadPermission,
  skipAccessApplyPermission,
  skipOnboardingReadPermission,
  skipOnboardingRequestCreatePermission,
  skipOnboardingRequestApprovePermission,
];
