import type { Knex } from 'knex';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { UpgradePlanRequest } from '@internal/plugin-skip-common';
import type { UpgradesConfig } from '../config/upgradesConfig';
import { DatabaseRunStore } from '../database/DatabaseRunStore';
import { GkectlDriver } from '../services/Drivers/GkectlDriver';
import { OnPremApiDriver } from '../services/Drivers/OnPremApiDriver';
import { SiteDrivers } from '../services/Drivers/SiteDrivers';
import { createExecutor } from '../services/Executors/createExecutor';
import type { FleetReader } from '../services/FleetReader/types';
import { PlanBuilder } from '../services/PlanBuilder/PlanBuilder';
import { ClusterChecks } from '../services/RunEngine/clusterChecks';
import { RunEngine } from '../services/RunEngine/RunEngine';
import type { RunNotifier } from '../services/RunEngine/types';
import { UpgradeAccess } from '../services/UpgradeAccess/UpgradeAccess';
import { UpgradeRuns } from '../services/UpgradeRuns/UpgradeRuns';

/** What a notifier was told, in order. */
export type Told = {
  what: 'gate' | 'failed' | 'ended';
  runId: string;
  text: string;
};

/** A notifier that remembers what it was told. */
export function recordingNotifier(told: Told[]): RunNotifier {
  return {
    gateWaiting: async (run, _s, title) =>
      void told.push({ what: 'gate', runId: run.id, text: title }),
    stepFailed: async (run, _s, title, error) =>
      void told.push({
        what: 'failed',
        runId: run.id,
        text: `${title}: ${error}`,
      }),
    runEnded: async (run, state, message) =>
      void told.push({
        what: 'ended',
        runId: run.id,
        text: `${state}: ${message}`,
      }),
  };
}

const quietLogger = { info() {}, warn() {}, error() {} };
const allowAll = {
  authorize: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
  authorizeConditional: async (requests: unknown[]) =>
    requests.map(() => ({ result: AuthorizeResult.ALLOW })),
};
const noAudit = {
  createEvent: async () => ({ success: async () => {}, fail: async () => {} }),
};

/**
 * The engine as the plugin builds it, without Backstage around it: the store on `knex`, the
 * simulator's workstations through local processes, the fleet over HTTP.
 */
export async function createTestEngine(options: {
  knex: Knex;
  fleet: FleetReader;
  upgrades: UpgradesConfig;
  ownerId: string;
  told?: Told[];
}) {
  const { upgrades: config, fleet } = options;
  const store = await DatabaseRunStore.fromKnex(options.knex);
  const executors = new Map(
    config.sites.map(site => [site.name, createExecutor(site)]),
  );
  const driver = new SiteDrivers(
    GkectlDriver.create({ sites: config.sites, executors, fleet }),
    OnPremApiDriver.create({ sites: config.sites, executors, fleet }),
  );
  const plans = PlanBuilder.create({ config, fleet, driver });
  const engine = RunEngine.create({
    store,
    driver,
    checks: new ClusterChecks(fleet),
    config,
    logger: quietLogger,
    notifier: recordingNotifier(options.told ?? []),
    ownerId: options.ownerId,
  });
  const runs = UpgradeRuns.create({
    store,
    plans,
    access: UpgradeAccess.create({ permissions: allowAll as never, config }),
    auditor: noAudit as never,
    onChange: () => {},
  });
  const actor = (user: string) => ({
    credentials: {
      $$type: '@backstage/BackstageCredentials',
      principal: { type: 'user', userEntityRef: user },
    } as never,
  });
  return {
    store,
    engine,
    plans,
    runs,
    actor,
    /** Previews and starts a run as `user`; returns its id. */
    start: async (request: UpgradePlanRequest, user = 'user:default/pia') => {
      const plan = await plans.build(request);
      return runs.start(actor(user), { ...request, planDigest: plan.digest });
    },
  };
}

/** Polls until `check` holds, or fails naming `what` and what it last saw (the shared `eventually`). */
export function waitFor<T>(
  what: string,
  get: () => Promise<T>,
  check: (v: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  return eventually(get, check, what, timeoutMs);
}
