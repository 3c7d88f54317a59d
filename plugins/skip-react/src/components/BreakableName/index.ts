export { BreakableName } from './BreakableName';
export type { BreakableNameProps } from './BreakableName';
