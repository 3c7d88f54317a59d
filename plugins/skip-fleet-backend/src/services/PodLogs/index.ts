export { DefaultPodLogs } from './DefaultPodLogs';
export type { PodLogs } from './types';
