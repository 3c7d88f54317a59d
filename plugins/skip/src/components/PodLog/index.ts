export { PodLog } from './PodLog';
export type { PodLogProps } from './PodLog';
