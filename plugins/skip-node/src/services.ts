import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { SkipConfig } from './config/SkipConfig';
import {
  DefaultKubernetesClientProvider,
  KubernetesClientProvider,
} from './kubernetes/KubernetesClientProvider';

/** The suite's validated configuration, shared by all its backend plugins. */
export const skipConfigServiceRef = createServiceRef<SkipConfig>({
  id: 'skip.config',
  scope: 'root',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig },
      factory: ({ config }) => SkipConfig.fromConfig(config),
    }),
});

/** Reaches clusters through client-node; tests and benchmarks may swap it. */
export const kubernetesClientProviderServiceRef =
  createServiceRef<KubernetesClientProvider>({
    id: 'skip.kubernetes-client-provider',
    scope: 'root',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { skipConfig: skipConfigServiceRef },
        factory: ({ skipConfig }) =>
          DefaultKubernetesClientProvider.fromClusters(skipConfig.clusters),
      }),
  });
