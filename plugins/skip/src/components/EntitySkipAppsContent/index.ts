export { EntitySkipAppsContent } from './EntitySkipAppsContent';
