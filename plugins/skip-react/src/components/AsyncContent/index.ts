export { AsyncContent } from './AsyncContent';
export type { AsyncContentProps, AsyncContentEmpty } from './AsyncContent';
