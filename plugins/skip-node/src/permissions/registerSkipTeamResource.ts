import { PermissionsRegistryService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, parseEntityRef } from '@backstage/catalog-model';
import { skipOnboardingRequestCreatePermission } from '@internal/plugin-skip-common';
import { isTeamMemberRule, skipTeamResourceRef } from './teamMembershipRule';

/**
 * Registers the team resource type and its rules with the calling plugin (the onboarding
 * backend), so conditional team decisions can be evaluated for a group ref.
 */
export function registerSkipTeamResource(registry: PermissionsRegistryService) {
  registry.addResourceType({
    resourceRef: skipTeamResourceRef,
    permissions: [skipOnboardingRequestCreatePermission],
    rules: [isTeamMemberRule],
    getResources: async refs =>
      refs.map(ref => {
        try {
          return {
            groupRef: stringifyEntityRef(
              parseEntityRef(ref, { defaultKind: 'group' }),
            ),
          };
        } catch {
          return undefined;
        }
      }),
  });
}
