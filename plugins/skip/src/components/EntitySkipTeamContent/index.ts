export { EntitySkipTeamContent } from './EntitySkipTeamContent';
