export type { KubernetesClientProvider } from './KubernetesClientProvider';
export { DefaultKubernetesClientProvider } from './KubernetesClientProvider';
export { classifyClusterError } from './classifyClusterError';
export type { ClassifiedClusterError } from './classifyClusterError';
