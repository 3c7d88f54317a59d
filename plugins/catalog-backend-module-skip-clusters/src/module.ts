import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { skipConfigServiceRef } from '@internal/plugin-skip-node';
import { SkipClusterEntityProvider } from './SkipClusterEntityProvider';
import { SkipPrefixEntityProvider } from './SkipPrefixEntityProvider';

/**
 * Adds one Resource entity per SKIP cluster to the catalog, owned by the platform team, and
 * one per namespace prefix granted through the onboarding plugin, owned by its team.
 */
export const catalogModuleSkipClusters = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'skip-clusters',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        skipConfig: skipConfigServiceRef,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
      },
      async init({ catalog, skipConfig, discovery, auth, logger, scheduler }) {
        const owner =
          skipConfig.platformTeamGroups[0] ?? 'group:default/platform-team';
        catalog.addEntityProvider(
          new SkipClusterEntityProvider(skipConfig.clusters, owner),
        );
        const prefixes = new SkipPrefixEntityProvider(discovery, auth, logger);
        catalog.addEntityProvider(prefixes);
        // A granted prefix reaches the catalog (and so namespace ownership) within this period.
        await scheduler.scheduleTask({
          id: 'skip-prefixes-refresh',
          frequency: { seconds: 15 },
          timeout: { seconds: 30 },
          initialDelay: { seconds: 10 },
          fn: () => prefixes.refresh(),
        });
      },
    });
  },
});
