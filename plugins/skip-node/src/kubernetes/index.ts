export type { KubernetesClientProvider } from './KubernetesClientProvider';
export { DefaultKubernetesClientProvider } from './KubernetesClientProvider';
