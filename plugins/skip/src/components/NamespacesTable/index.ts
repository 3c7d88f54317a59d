export { NamespacesTable } from './NamespacesTable';
export type { NamespacesTableProps } from './NamespacesTable';
