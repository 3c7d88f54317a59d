import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  skipAccessApplyPermission,
  skipAccessEscalationApprovePermission,
  skipAccessReadPermission,
  skipAccessRuleWritePermission,
} from '@internal/plugin-skip-common';
import {
  ClusterCalls,
  kubernetesClientProviderServiceRef,
  skipConfigServiceRef,
} from '@internal/plugin-skip-node';
import { readAccessConfig } from './config/readAccessConfig';
import { DatabaseAccessStore } from './database/DatabaseAccessStore';
import { createRouter } from './router';
import { AccessApplier } from './services/AccessApplier/AccessApplier';
import { AccessPermissions } from './services/AccessPermissions/AccessPermissions';
import { AccessPlanner } from './services/AccessPlanner/AccessPlanner';
import { ClusterRbac } from './services/ClusterRbac/ClusterRbac';
import { DriftChecker } from './services/DriftChecker/DriftChecker';
import { EffectiveAccessService } from './services/EffectiveAccess/EffectiveAccessService';
import { GroupDirectory } from './services/GroupDirectory/GroupDirectory';
import { RoleEscalation } from './services/RoleEscalation/RoleEscalation';
import { RuleBook } from './services/RuleBook/RuleBook';

/** IAM groups mapped to Kubernetes RBAC on every cluster: rules, plans, apply, drift and "who can do what". */
export const skipAccessPlugin = createBackendPlugin({
  pluginId: 'skip-access',
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
        scheduler: coreServices.scheduler,
        auditor: coreServices.auditor,
        rootConfig: coreServices.rootConfig,
        catalog: catalogServiceRef,
        skipConfig: skipConfigServiceRef,
        clients: kubernetesClientProviderServiceRef,
      },
      async init(deps) {
        const { logger } = deps;
        const config = readAccessConfig(deps.rootConfig);
        deps.permissionsRegistry.addPermissions([
          skipAccessReadPermission,
          skipAccessRuleWritePermission,
          skipAccessApplyPermission,
          skipAccessEscalationApprovePermission,
        ]);
        const store = await DatabaseAccessStore.create({
          database: deps.database,
        });
        const clusters = deps.skipConfig.clusters.map(c => ({
          name: c.metadata.name,
          environment: c.metadata.environment,
          role: c.metadata.role,
        }));
        const permissions = AccessPermissions.create({
          permissions: deps.permissions,
        });
        const escalation = new RoleEscalation(config.escalatingRoles);
        const groups = GroupDirectory.create({
          catalog: deps.catalog,
          auth: deps.auth,
        });
        const rbac = ClusterRbac.create({
          calls: ClusterCalls.create({ clients: deps.clients, logger }),
          auditor: deps.auditor,
        });
        const rules = RuleBook.create({
          store,
          groups,
          clusters,
          escalation,
          rbac,
          permissions,
          auditor: deps.auditor,
          rulesFolder: config.rulesFolder,
          teamDefaultRole: config.teamDefaultRole,
        });
        const planner = AccessPlanner.create({
          rules,
          rbac,
          clusters,
          escalation,
          systemNamespaces: deps.skipConfig.systemNamespaces,
        });
        const applier = AccessApplier.create({
          planner,
          rbac,
          store,
          permissions,
          auditor: deps.auditor,
        });
        const drift = DriftChecker.create({
          planner,
          applier,
          store,
          logger,
          applyNewNamespaces: config.drift.applyNewNamespaces,
        });
        // Global scope: one replica checks at a time, so two never create the same binding.
        await deps.scheduler.scheduleTask({
          id: 'skip-access-drift',
          scope: 'global',
          frequency: { minutes: config.drift.frequencyMinutes },
          timeout: { minutes: 5 },
          initialDelay: { seconds: 30 },
          fn: async () => {
            await drift.check();
          },
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions,
            rules,
            planner,
            applier,
            drift,
            effective: EffectiveAccessService.create({
              planner,
              groups,
              escalation,
            }),
          }),
        );
      },
    });
  },
});
