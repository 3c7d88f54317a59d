/**
 * The SKIP fleet backend: clusters, Skiperator apps and Argo CD state from a watch cache.
 *
 * @packageDocumentation
 */
export { skipFleetPlugin as default } from './plugin';
