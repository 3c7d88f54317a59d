import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipFleetReadPermission,
  skipNamespaceReadPermission,
} from '@internal/plugin-skip-common';
import {
  ClusterNamespaceResource,
  clusterNamespaceResourceRef,
  clusterNamespaceRules,
  kubernetesClientProviderServiceRef,
  ResourcePermissionGate,
  skipConfigServiceRef,
} from '@internal/plugin-skip-node';
import { NamespaceAccess, TeamDirectory } from './services/NamespaceAccess';
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
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        cacheService: coreServices.cache,
        catalog: catalogServiceRef,
        skipConfig: skipConfigServiceRef,
        clients: kubernetesClientProviderServiceRef,
      },
      async init(deps) {
        const { logger, httpRouter, httpAuth, permissions, lifecycle } = deps;
        deps.permissionsRegistry.addPermissions([skipFleetReadPermission]);
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
        const access = NamespaceAccess.create({
          cache,
          config: deps.skipConfig,
          teams: TeamDirectory.create({
            catalog: deps.catalog,
            auth: deps.auth,
            cache: deps.cacheService,
            logger,
          }),
          gate: ResourcePermissionGate.create<ClusterNamespaceResource>({
            permissions,
            rules: clusterNamespaceRules,
          }),
        });
        // Lets the permission backend evaluate conditional decisions for any caller (the
        // frontend's usePermission with a `<cluster>/<namespace>` resourceRef).
        deps.permissionsRegistry.addResourceType({
          resourceRef: clusterNamespaceResourceRef,
          permissions: [
            skipNamespaceReadPermission,
            skipArgoAppRefreshPermission,
            skipArgoAppSyncPermission,
          ],
          rules: clusterNamespaceRules,
          getResources: refs => access.resourcesForRefs(refs),
        });
        const fleet = DefaultFleetService.create({
          cache,
          clients: deps.clients,
          catalog: deps.catalog,
          access,
          auditor: deps.auditor,
          logger,
        });
        httpRouter.use(
          await createRouter({ auth: deps.auth, httpAuth, permissions, fleet }),
        );
      },
    });
  },
});
