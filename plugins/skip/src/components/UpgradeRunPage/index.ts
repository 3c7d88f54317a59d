export { UpgradeRunPage } from './UpgradeRunPage';
export type { UpgradeRunPageProps } from './UpgradeRunPage';
