export { AppLinks } from './AppLinks';
export type { AppLinksProps } from './AppLinks';
export {
  clusterObservabilityLinks,
  readObservabilityTemplates,
} from './observabilityLinks';
export type { ObservabilityTemplates } from './observabilityLinks';
