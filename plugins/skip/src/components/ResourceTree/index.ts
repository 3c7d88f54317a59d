export { ResourceTree } from './ResourceTree';
export type { ResourceTreeProps } from './ResourceTree';
