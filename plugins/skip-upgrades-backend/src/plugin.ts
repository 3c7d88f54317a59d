import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  SKIP_UPGRADES_SIGNAL_CHANNEL,
  skipUpgradeGateApprovePermission,
  skipUpgradeReadPermission,
  skipUpgradeRunCancelPermission,
  skipUpgradeRunCreatePermission,
  UpgradeRunChangeSignal,
} from '@internal/plugin-skip-common';
import { skipConfigServiceRef } from '@internal/plugin-skip-node';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { readUpgradesConfig } from './config/readUpgradesConfig';
import { DatabaseRunStore } from './database/DatabaseRunStore';
import { createRouter } from './router';
import { GkectlDriver } from './services/Drivers/GkectlDriver';
import { OnPremApiDriver } from './services/Drivers/OnPremApiDriver';
import { SiteDrivers } from './services/Drivers/SiteDrivers';
import { createExecutor } from './services/Executors/createExecutor';
import { FleetBackendReader } from './services/FleetReader/FleetBackendReader';
import { PlanBuilder } from './services/PlanBuilder/PlanBuilder';
import { ClusterChecks } from './services/RunEngine/clusterChecks';
import { RunEngine } from './services/RunEngine/RunEngine';
import { PlatformTeamNotifier } from './services/RunNotifier/PlatformTeamNotifier';
import { RunViews } from './services/RunViews/RunViews';
import { UpgradeAccess } from './services/UpgradeAccess/UpgradeAccess';
import { UpgradeRuns } from './services/UpgradeRuns/UpgradeRuns';

/** Staged GKE on VMware upgrades: plans, a run engine in the database, gates, and their routes. */
export const skipUpgradesPlugin = createBackendPlugin({
  pluginId: 'skip-upgrades',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        auditor: coreServices.auditor,
        rootConfig: coreServices.rootConfig,
        signals: signalsServiceRef,
        notifications: notificationService,
        skipConfig: skipConfigServiceRef,
      },
      async init(deps) {
        const { logger, permissions } = deps;
        const config = readUpgradesConfig(deps.rootConfig);
        deps.permissionsRegistry.addPermissions([
          skipUpgradeReadPermission,
          skipUpgradeRunCreatePermission,
          skipUpgradeGateApprovePermission,
          skipUpgradeRunCancelPermission,
        ]);
        const store = await DatabaseRunStore.create({
          database: deps.database,
        });
        const fleet = FleetBackendReader.create({
          discovery: deps.discovery,
          auth: deps.auth,
        });
        const executors = new Map(
          config.sites.map(site => [site.name, createExecutor(site)]),
        );
        const driver = new SiteDrivers(
          GkectlDriver.create({
            sites: config.sites,
            executors,
            fleet,
          }),
          OnPremApiDriver.create({
            sites: config.sites,
            executors,
            fleet,
          }),
        );
        const plans = PlanBuilder.create({ config, fleet, driver });
        const access = UpgradeAccess.create({ permissions, config });
        const publish = (runId: string) => {
          deps.signals
            .publish<UpgradeRunChangeSignal>({
              recipients: { type: 'broadcast' },
              channel: SKIP_UPGRADES_SIGNAL_CHANNEL,
              message: { runId },
            })
            .catch(error =>
              logger.warn(
                `Upgrade signal not sent: ${(error as Error).message}`,
              ),
            );
        };
        const engine = RunEngine.create({
          store,
          driver,
          checks: new ClusterChecks(fleet),
          config,
          logger,
          notifier: PlatformTeamNotifier.create({
            notifications: deps.notifications,
            platformTeamGroups: deps.skipConfig.platformTeamGroups,
            logger,
          }),
          // Several replicas tick; the run's lease in the database decides which one drives it.
          ownerId: `${os.hostname()}-${process.pid}-${randomUUID().slice(
            0,
            8,
          )}`,
          onChange: publish,
          auditor: deps.auditor,
        });
        const runs = UpgradeRuns.create({
          store,
          plans,
          access,
          auditor: deps.auditor,
          onChange: runId => {
            publish(runId);
            engine
              .tick()
              .catch(error =>
                logger.warn(
                  `Upgrade engine tick failed: ${(error as Error).message}`,
                ),
              );
          },
        });
        // Local scope: every replica looks for runs; the lease makes one of them drive each.
        await deps.scheduler.scheduleTask({
          id: 'skip-upgrades-engine',
          scope: 'local',
          frequency: { milliseconds: config.engine.tickMilliseconds },
          timeout: { minutes: 1 },
          initialDelay: { seconds: 1 },
          fn: () => engine.tick(),
        });
        deps.lifecycle.addShutdownHook(async () => {
          engine.stop();
          await Promise.allSettled([...executors.values()].map(e => e.close()));
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            access,
            plans,
            runs,
            views: RunViews.create({
              store,
              fleet,
              plans,
              driver,
              access,
              sites: config.sites.map(s => s.name),
            }),
          }),
        );
      },
    });
  },
});
