export { SkeletonRows } from './SkeletonRows';
export type { SkeletonRowsProps } from './SkeletonRows';
