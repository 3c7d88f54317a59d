export { skipUpgradesPlugin as default } from './plugin';
