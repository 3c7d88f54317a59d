export { Age } from './Age';
export type { AgeProps } from './Age';
