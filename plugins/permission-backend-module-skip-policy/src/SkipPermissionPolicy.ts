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
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipNamespaceReadPermission,
  skipOnboardingRequestCreatePermission,
  skipPermissions,
} from '@internal/plugin-skip-common';
import {
  createSkipNamespaceConditionalDecision,
  createSkipTeamConditionalDecision,
  skipNamespaceConditions,
  skipTeamConditions,
} from '@internal/plugin-skip-node';

const skipPermissionNames = new Set(skipPermissions.map(p => p.name));

/**
 * What every signed-in user may do outside SKIP: read and refresh the catalog, settings,
 * signals and notifications. Registering catalog locations is for the platform team: a
 * registered Group with a namespace-prefix annotation would claim namespaces (and their
 * logs and syncs). Deleting, and anything not listed (the Kubernetes proxy above all), is
 * for the platform team only.
 */
export const ALLOWED_FOR_EVERY_USER = new Set([
  'catalog.entity.read',
  'catalog.entity.refresh',
  'catalog.entity.validate',
  'catalog.location.read',
  'catalog.location.analyze',
  'catalog.ingestion.read',
  'search.query',
  'search.query.read',
  'user-settings.read',
  'user-settings.write',
  'signals.read',
  'notifications.read',
  'notifications.update',
]);

/** Permissions whose object is a namespace of a cluster: the owning team's, unless it is a system namespace. */
const namespaceScoped = [
  skipNamespaceReadPermission,
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
];

/**
 * The portal's policy, an allow-list: members of a platform-team group may do everything;
 * every other user may read the fleet, look into and refresh or sync what runs in their
 * own teams' namespaces (never a system namespace), request onboarding for their own
 * teams, and use the catalog as listed in {@link ALLOWED_FOR_EVERY_USER}. Anything else
 * is denied, including permissions of plugins this policy does not know.
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
    if (!user) return { result: AuthorizeResult.DENY };
    const ownership = user.info.ownershipEntityRefs.map(ref =>
      ref.toLocaleLowerCase('en-US'),
    );
    if (ownership.some(ref => this.platformTeamGroups.has(ref))) {
      return { result: AuthorizeResult.ALLOW };
    }
    const groupRefs = ownership.filter(ref => ref.startsWith('group:'));
    if (!skipPermissionNames.has(permission.name)) {
      return {
        result: ALLOWED_FOR_EVERY_USER.has(permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      };
    }
    if (namespaceScoped.some(p => isPermission(permission, p))) {
      return createSkipNamespaceConditionalDecision(
        permission as typeof skipNamespaceReadPermission,
        {
          allOf: [
            skipNamespaceConditions.isTeamNamespace({ groupRefs }),
            { not: skipNamespaceConditions.isSystemNamespace({}) },
          ],
        },
      );
    }
    if (isPermission(permission, skipOnboardingRequestCreatePermission)) {
      return createSkipTeamConditionalDecision(
        permission,
        skipTeamConditions.isTeamMember({ groupRefs }),
      );
    }
    if (permission.attributes.action === 'read') {
      return { result: AuthorizeResult.ALLOW };
    }
    return { result: AuthorizeResult.DENY };
  }
}
