export { NamespaceAccess } from './NamespaceAccess';
export { TeamDirectory } from './TeamDirectory';
