import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  skipOnboardingReadPermission,
  skipOnboardingRequestApprovePermission,
} from '@internal/plugin-skip-common';
import {
  ClusterCalls,
  kubernetesClientProviderServiceRef,
  registerSkipTeamResource,
  skipConfigServiceRef,
  SkipConfigError,
} from '@internal/plugin-skip-node';
import { readOnboardingConfig } from './config/readOnboardingConfig';
import { DatabaseOnboardingStore } from './database/DatabaseOnboardingStore';
import { createRouter } from './router';
import { ArgoObjects, ArgoTarget } from './services/ArgoObjects/ArgoObjects';
import { FleetNamespaces } from './services/FleetNamespaces/FleetNamespaces';
import { GitOpsCommitter } from './services/GitOpsCommitter/GitOpsCommitter';
import { OnboardingRights } from './services/OnboardingRights/OnboardingRights';
import { Prefixes } from './services/Prefixes/Prefixes';
import { PrefixRequests } from './services/PrefixRequests/PrefixRequests';
import { TeamCatalog } from './services/TeamCatalog/TeamCatalog';

/** Teams claim namespace prefixes; the platform team decides; Argo CD gets the team's project. */
export const skipOnboardingPlugin = createBackendPlugin({
  pluginId: 'skip-onboarding',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        auditor: coreServices.auditor,
        rootConfig: coreServices.rootConfig,
        catalog: catalogServiceRef,
        notifications: notificationService,
        skipConfig: skipConfigServiceRef,
        clients: kubernetesClientProviderServiceRef,
      },
      async init(deps) {
        const { logger, skipConfig } = deps;
        const config = readOnboardingConfig(deps.rootConfig);
        // The team resource type (conditional "member of the team" decisions) is evaluated here.
        registerSkipTeamResource(deps.permissionsRegistry);
        deps.permissionsRegistry.addPermissions([
          skipOnboardingReadPermission,
          skipOnboardingRequestApprovePermission,
        ]);
        const userClusters = skipConfig.clusters.filter(
          c => c.metadata.role === 'user',
        );
        const targets: ArgoTarget[] = config.argocd.map((entry, i) => {
          const instance = skipConfig.argoInstances.find(
            a => a.name === entry.instance,
          );
          if (!instance) {
            throw new SkipConfigError(
              `Invalid configuration: skip.onboarding.argocd[${i}].instance: no Argo CD instance '${entry.instance}' in skip.argocd.instances`,
            );
          }
          return {
            instance: instance.name,
            cluster: instance.cluster,
            namespace: instance.namespace,
            environments: entry.environments,
            clusters: userClusters
              .filter(c => entry.environments.includes(c.metadata.environment))
              .map(c => c.metadata.name),
          };
        });
        const calls = ClusterCalls.create({ clients: deps.clients, logger });
        const store = await DatabaseOnboardingStore.create({
          database: deps.database,
        });
        const teams = new TeamCatalog(deps.catalog, deps.auth);
        const namespaces = new FleetNamespaces(
          calls,
          skipConfig.clusters.map(c => c.metadata.name),
        );
        const rights = new OnboardingRights(deps.permissions);
        const argo = new ArgoObjects(calls, targets, deps.auditor);
        const requests = new PrefixRequests({
          store,
          teams,
          namespaces,
          rights,
          argo,
          gitops: config.gitops && new GitOpsCommitter(config.gitops),
          config,
          systemNamespaces: skipConfig.systemNamespaces,
          auditor: deps.auditor,
          notifications: deps.notifications,
          logger,
        });
        const prefixes = new Prefixes({
          store,
          teams,
          namespaces,
          rights,
          argo,
          requests,
          targets,
          auditor: deps.auditor,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            rights,
            requests,
            prefixes,
          }),
        );
      },
    });
  },
});
