export { EntitySkipOverviewCard } from './EntitySkipOverviewCard';
