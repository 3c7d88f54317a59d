export { TeamRollupCard } from './TeamRollupCard';
