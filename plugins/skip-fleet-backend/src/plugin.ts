import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipFleetReadPermission,
} from '@internal/plugin-skip-common';
import {
  kubernetesClientProviderServiceRef,
  skipConfigServiceRef,
} from '@internal/plugin-skip-node';
import { DatabaseClusterStatusStore } from './database/DatabaseClusterStatusStore';
import { createRouter } from './router';
import { FleetCache } from './services/FleetCache';
import { DefaultFleetService } from './services/FleetService';
import { rememberClusterStatus } from './services/rememberClusterStatus';

/** The fleet backend: a watch cache of every cluster, served from memory. */
export const skipFleetPlugin = createBackendPlugin({
  pluginId: 'skip-fleet',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        skipConfig: skipConfigServiceRef,
        clients: kubernetesClientProviderServiceRef,
      },
      async init(deps) {
        const { logger, httpRouter, httpAuth, permissions, lifecycle } = deps;
        deps.permissionsRegistry.addPermissions([
          skipFleetReadPermission,
          skipArgoAppRefreshPermission,
          skipArgoAppSyncPermission,
        ]);
        const store = await DatabaseClusterStatusStore.create({
          database: deps.database,
        });
        const cache = FleetCache.create({
          config: deps.skipConfig,
          clients: deps.clients,
          logger,
          remembered: await store.list(),
        });
        const stopRemembering = rememberClusterStatus({ cache, store, logger });
        lifecycle.addStartupHook(() => cache.start());
        lifecycle.addShutdownHook(async () => {
          stopRemembering();
          await cache.stop();
        });
        const fleet = DefaultFleetService.create({
          cache,
          clients: deps.clients,
          catalog: deps.catalog,
          permissions,
          logger,
        });
        httpRouter.use(await createRouter({ httpAuth, permissions, fleet }));
      },
    });
  },
});
