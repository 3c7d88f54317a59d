import {
  AuthorizeResult,
  isPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  skipOnboardingRequestCreatePermission,
  skipPermissions,
} from '@internal/plugin-skip-common';
import {
  createSkipTeamConditionalDecision,
  skipTeamConditions,
} from '@internal/plugin-skip-node';

const skipPermissionNames = new Set(skipPermissions.map(p => p.name));

/**
 * The portal's policy: members of a platform-team group may do everything; everybody
 * else may read, and may request onboarding for the groups they belong to. Permissions
 * of other plugins keep Backstage's open default.
 */
export class SkipPermissionPolicy implements PermissionPolicy {
  private readonly platformTeamGroups: Set<string>;

  constructor(platformTeamGroups: string[]) {
    this.platformTeamGroups = new Set(
      platformTeamGroups.map(ref => ref.toLocaleLowerCase('en-US')),
    );
  }

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const { permission } = request;
    if (!skipPermissionNames.has(permission.name)) {
      return { result: AuthorizeResult.ALLOW };
    }
    const ownership = (user?.info.ownershipEntityRefs ?? []).map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (ownership.some(ref => this.platformTeamGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    if (isPermission(permission, skipOnboardingRequestCreatePermission)) {
      return createSkipTeamConditionalDecision(
        permission,
        skipTeamConditions.isTeamMember({
          groupRefs: ownership.filter(ref => ref.startsWith('group:')),
        }),
      );
    }
    return { result: AuthorizeResult.DENY };
  }
}
