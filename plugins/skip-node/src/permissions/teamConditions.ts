import { createConditionExports } from '@backstage/plugin-permission-node';
import { isTeamMemberRule, skipTeamResourceRef } from './teamMembershipRule';

const exports = createConditionExports({
  resourceRef: skipTeamResourceRef,
  rules: { isTeamMember: isTeamMemberRule },
});

/** Conditions a policy may return for team-scoped SKIP permissions. */
export const skipTeamConditions = exports.conditions;

/** Wraps team conditions into a conditional policy decision. */
export const createSkipTeamConditionalDecision =
  exports.createConditionalDecision;
