import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { skipConfigServiceRef } from '@internal/plugin-skip-node';
import { SkipClusterEntityProvider } from './SkipClusterEntityProvider';

/** Adds one Resource entity per SKIP cluster to the catalog, owned by the platform team. */
export const catalogModuleSkipClusters = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'skip-clusters',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        skipConfig: skipConfigServiceRef,
      },
      async init({ catalog, skipConfig }) {
        const owner =
          skipConfig.platformTeamGroups[0] ?? 'group:default/platform-team';
        catalog.addEntityProvider(
          new SkipClusterEntityProvider(skipConfig.clusters, owner),
        );
      },
    });
  },
});
