export { DefaultFleetService } from './DefaultFleetService';
export type { FleetService, ArgoAppRef } from './types';
