export { skipFleetApiRef } from './SkipFleetApi';
export { skipFleetApiFactory } from './skipFleetApiFactory';
