export { ResourceDrillDown } from './ResourceDrillDown';
export type { ResourceDrillDownProps } from './ResourceDrillDown';
