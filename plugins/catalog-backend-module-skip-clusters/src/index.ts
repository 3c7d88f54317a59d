/**
 * Catalog module that provides one Resource entity per SKIP cluster.
 *
 * @packageDocumentation
 */
export { catalogModuleSkipClusters as default } from './module';
export {
  SkipClusterEntityProvider,
  clusterEntity,
} from './SkipClusterEntityProvider';
