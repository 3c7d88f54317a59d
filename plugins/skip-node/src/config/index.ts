export { SkipConfig, SkipConfigError } from './SkipConfig';
export type { ConfiguredCluster } from './SkipConfig';
export type {
  ArgoInstance,
  ClusterConnection,
  ConnectGateway,
} from './skipConfigSchema';
