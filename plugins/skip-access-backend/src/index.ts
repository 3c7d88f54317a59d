export { skipAccessPlugin as default } from './plugin';
