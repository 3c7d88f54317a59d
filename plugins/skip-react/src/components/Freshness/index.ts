export { Freshness } from './Freshness';
export type { FreshnessProps } from './Freshness';
