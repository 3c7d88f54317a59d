import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { SKIP_TEAM_RESOURCE_TYPE } from '@internal/plugin-skip-common';
import { z } from 'zod';

/** The resource of team-scoped permissions: a team's catalog group ref. */
export type SkipTeamResource = { groupRef: string };

/** Resource ref for team-scoped permissions; the onboarding backend evaluates its conditions. */
export const skipTeamResourceRef = createPermissionResourceRef<
  SkipTeamResource,
  { key: string; values: string[] }
>().with({
  pluginId: 'skip-onboarding',
  resourceType: SKIP_TEAM_RESOURCE_TYPE,
});

/**
 * Allows when the team is one of the given groups; a policy passes the caller's
 * ownership refs, so a user may act for the groups they are a member of.
 */
export const isTeamMemberRule = createPermissionRule({
  name: 'IS_TEAM_MEMBER',
  description: 'Allow when the team is one of the groups the caller belongs to',
  resourceRef: skipTeamResourceRef,
  paramsSchema: z.object({
    groupRefs: z.array(z.string()).describe('Group refs the caller belongs to'),
  }),
  apply: (resource, { groupRefs }) =>
    groupRefs.includes(resource.groupRef.toLocaleLowerCase('en-US')),
  toQuery: ({ groupRefs }) => ({ key: 'groupRef', values: groupRefs }),
});
