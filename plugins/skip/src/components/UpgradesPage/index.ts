export { UpgradesPage } from './UpgradesPage';
export type { UpgradesPageProps } from './UpgradesPage';
