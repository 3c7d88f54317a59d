import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipFleetReadPermission,
  skipNamespaceReadPermission,
} from '@internal/plugin-skip-common';
import {
  CachedEntityReader,
  CachingPermissionsService,
  ClusterCalls,
  ClusterNamespaceResource,
  clusterNamespaceResourceRef,
  clusterNamespaceRules,
  kubernetesClientProviderServiceRef,
  readDecisionCacheOptions,
  ResourcePermissionGate,
  skipConfigServiceRef,
} from '@internal/plugin-skip-node';
import { NamespaceAccess, TeamDirectory } from './services/NamespaceAccess';
import { DatabaseClusterStatusStore } from './database/DatabaseClusterStatusStore';
import { createRouter } from './router';
import { FleetCache, scheduleClusterProbes } from './services/FleetCache';
import { ChangeSignals } from './services/ChangeSignals';
import { DefaultAccessPolicyLookup } from './services/AccessPolicy';
import { DefaultAppLookup, EntityLookup } from './services/AppLookup';
import { ArgoAppAccess, DefaultArgoActions } from './services/ArgoActions';
import { DefaultArgoDetails } from './services/ArgoDetails';
import { ArgoCdApiClient, DefaultArgoDiff } from './services/ArgoDiff';
import { ComponentClaims, DefaultClusterPages } from './services/ClusterPages';
import { DefaultPodLogs } from './services/PodLogs';
import { DefaultResourceInspector } from './services/ResourceInspector';
import { DefaultResourceTreeReader } from './services/ResourceTree';
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
        scheduler: coreServices.scheduler,
        signals: signalsServiceRef,
        auditor: coreServices.auditor,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        rootConfig: coreServices.rootConfig,
        cacheService: coreServices.cache,
        catalog: catalogServiceRef,
        skipConfig: skipConfigServiceRef,
        clients: kubernetesClientProviderServiceRef,
      },
      async init(deps) {
        const { logger, httpRouter, httpAuth, lifecycle } = deps;
        // Every decision and catalog read made for a user is kept for them for
        // skip.decisionCache.ttlSeconds (docs/security.md): a polled page costs no permission
        // or catalog call per request, and a revoked permission takes effect within that time.
        const decisionCache = readDecisionCacheOptions(deps.rootConfig);
        const permissions = CachingPermissionsService.create({
          permissions: deps.permissions,
          userInfo: deps.userInfo,
          ...decisionCache,
        });
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
        const changeSignals = ChangeSignals.create({
          cache,
          signals: deps.signals,
          logger,
        });
        await scheduleClusterProbes({ scheduler: deps.scheduler, cache });
        await rememberClusterStatus({
          cache,
          store,
          scheduler: deps.scheduler,
          logger,
        });
        lifecycle.addStartupHook(() => {
          // Listening first makes the cache's first lists the baseline, not changes.
          changeSignals.start();
          cache.start();
        });
        lifecycle.addShutdownHook(async () => {
          changeSignals.stop();
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
        const calls = ClusterCalls.create({ clients: deps.clients, logger });
        const apps = DefaultAppLookup.create({
          cache,
          entities: EntityLookup.create({
            entities: CachedEntityReader.create({
              catalog: deps.catalog,
              userInfo: deps.userInfo,
              ...decisionCache,
            }),
          }),
          access,
        });
        const resources = DefaultResourceInspector.create({ access, calls });
        const podLogs = DefaultPodLogs.create({ access, calls, logger });
        const argoAccess = ArgoAppAccess.create({ cache, access });
        const argo = DefaultArgoActions.create({
          access: argoAccess,
          calls,
          auditor: deps.auditor,
        });
        const argoDetails = DefaultArgoDetails.create({
          access: argoAccess,
          calls,
        });
        const clusterPages = DefaultClusterPages.create({
          cache,
          components: ComponentClaims.create({
            catalog: deps.catalog,
            cache: deps.cacheService,
            ownedBy: group => access.ownedBy(group),
            logger,
          }),
        });
        httpRouter.use(
          await createRouter({
            auth: deps.auth,
            httpAuth,
            permissions,
            apps,
            resources,
            trees: DefaultResourceTreeReader.create({ cache, access, calls }),
            podLogs,
            argo,
            argoDetails,
            argoDiff: DefaultArgoDiff.create({
              access: argoAccess,
              api: ArgoCdApiClient.create({ logger }),
              config: deps.skipConfig,
            }),
            accessPolicies: DefaultAccessPolicyLookup.create({
              cache,
              access,
              // Links to the components of the apps a policy names, found as the cluster page finds them.
              components: ComponentClaims.create({
                catalog: deps.catalog,
                cache: deps.cacheService,
                ownedBy: group => access.ownedBy(group),
                logger,
              }),
            }),
            clusterPages,
          }),
        );
      },
    });
  },
});
