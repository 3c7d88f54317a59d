/**
 * Backend-only shared code of SKIP Portal: validated configuration, the Kubernetes client
 * provider, service refs and permission rules.
 *
 * @packageDocumentation
 */
export * from './config';
export * from './kubernetes';
export * from './permissions';
export * from './audit';
export {
  skipConfigServiceRef,
  kubernetesClientProviderServiceRef,
} from './services';
export * from './http';
export * from './decisionCache';
