export { isTeamMemberRule, skipTeamResourceRef } from './teamMembershipRule';
export type { SkipTeamResource } from './teamMembershipRule';
export { registerSkipTeamResource } from './registerSkipTeamResource';
export {
  skipTeamConditions,
  createSkipTeamConditionalDecision,
} from './teamConditions';
