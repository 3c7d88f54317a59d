import { eventually } from '@internal/plugin-skip-node/testUtils';
import {
  coreServices,
  createServiceFactory,
  type SchedulerService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
// Tests only (a devDependency): the upgrades plugin reads the fleet through the fleet plugin's API.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import skipFleetPlugin from '@internal/plugin-skip-fleet-backend';
import type {
  UpgradeRun,
  UpgradeVersionsResponse,
} from '@internal/plugin-skip-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { skipUpgradesPlugin } from '../plugin';

const root = path.resolve(__dirname, '../../../..');

/** A catalog entity, as the catalog mock takes it. */
type Entity = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock.factory>[0]>['entities']
>[number];

/** The platform team's Pia, who may do everything unless a test's `decide` says otherwise. */
export const PIA = 'user:default/pia';
/** Another member of the platform team: the second pair of eyes for a prod gate. */
export const OLA = 'user:default/ola';

/** How often a task runs, in milliseconds; undefined for a cron or ISO schedule (run once). */
function everyMilliseconds(
  frequency: SchedulerServiceTaskScheduleDefinition['frequency'],
): number | undefined {
  if (typeof frequency !== 'object' || 'cron' in frequency) return undefined;
  const d = frequency as Record<string, number | undefined>;
  const ms =
    (d.milliseconds ?? 0) +
    (d.seconds ?? 0) * 1000 +
    (d.minutes ?? 0) * 60_000 +
    (d.hours ?? 0) * 3_600_000 +
    (d.days ?? 0) * 86_400_000;
  return ms > 0 ? ms : undefined;
}

/**
 * A scheduler that repeats tasks at their frequency, in this process (the test utils'
 * mock runs each task once, at start-up): the upgrade engine ticks, soaks end and the
 * fleet cache probes versions, as in the product. A run never overlaps itself; all stop
 * at shutdown.
 */
const intervalSchedulerFactory = createServiceFactory({
  service: coreServices.scheduler,
  deps: { lifecycle: coreServices.lifecycle },
  factory: ({ lifecycle }) => {
    const timers = new Set<NodeJS.Timeout>();
    const controller = new AbortController();
    const tasks = new Map<string, () => Promise<void>>();
    lifecycle.addShutdownHook(() => {
      controller.abort();
      timers.forEach(t => clearTimeout(t));
    });
    const scheduler: SchedulerService = {
      async scheduleTask(task: {
        id: string;
        fn: (signal: AbortSignal) => void | Promise<void>;
        frequency: SchedulerServiceTaskScheduleDefinition['frequency'];
        scope?: 'global' | 'local';
      }) {
        let running = false;
        const run = async () => {
          if (running || controller.signal.aborted) return;
          running = true;
          try {
            await task.fn(controller.signal);
          } catch {
            // A failed run is the task's to log; the next one comes at its time.
          } finally {
            running = false;
          }
        };
        tasks.set(task.id, run);
        const every = everyMilliseconds(task.frequency);
        const loop = () => {
          if (controller.signal.aborted) return;
          const timer = setTimeout(async () => {
            timers.delete(timer);
            await run();
            if (every) loop();
          }, every ?? 0);
          timers.add(timer);
        };
        loop();
      },
      async triggerTask(id: string) {
        await tasks.get(id)?.();
      },
      async cancelTask() {},
      async getScheduledTasks() {
        return [...tasks.keys()].map(id => ({
          id,
          scope: 'local' as const,
          settings: { version: 1 },
        }));
      },
      createScheduledTaskRunner(
        schedule: SchedulerServiceTaskScheduleDefinition,
      ) {
        return {
          run: async (task: {
            id: string;
            fn: (signal: AbortSignal) => void | Promise<void>;
          }) => scheduler.scheduleTask({ ...schedule, ...task }),
        };
      },
    };
    return scheduler;
  },
});

/** The demo organisation of the embedded default (catalog/org.yaml, catalog/demo-components.yaml). */
function demoCatalogEntities(): Entity[] {
  return ['catalog/org.yaml', 'catalog/demo-components.yaml'].flatMap(file =>
    YAML.parseAllDocuments(fs.readFileSync(path.join(root, file), 'utf8')).map(
      doc => doc.toJSON() as Entity,
    ),
  );
}

export type UpgradesTestBackendOptions = {
  /**
   * Changes the simulator's `skip.upgrades` block: an object is merged over it (top-level
   * keys replace the simulator's), a function gets the simulator's block and returns the
   * one to use.
   */
  upgrades?:
    | Record<string, unknown>
    | ((fromSim: Record<string, unknown>) => Record<string, unknown>);
  /** More root config, merged over the simulator's at the top level (`skip` is merged one level deeper). */
  config?: Record<string, any>;
  /**
   * Whether `user` (a user entity ref, or undefined for a service) may have `permission`
   * (e.g. `skip.upgrade.gate.approve`). Default: everything is allowed. Read at each
   * decision, so a test may swap what it closes over.
   */
  decide?: (permission: string, user: string | undefined) => boolean;
  /** The catalog; default the demo organisation (guest, mats, pia, ola and their teams). */
  entities?: Entity[];
};

/**
 * The upgrades plugin together with the fleet plugin it reads the fleet from, on a
 * simulated demo fleet whose admin workstations are local directories with the
 * simulator's gkectl stand-ins (`skip.upgrades` from the simulator's app-config). The
 * permission decisions are the test's (see {@link UpgradesTestBackendOptions.decide});
 * the real SKIP policy is exercised by the authorization matrix in packages/backend.
 * Notifications are recorded in `notifications`, not sent.
 */
export async function startUpgradesTestBackend(
  options: UpgradesTestBackendOptions = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-upgrades-test-'));
  const sim: FleetSim = await startFleetSim({ scenario: 'demo', dir });
  try {
    const simConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
    const simUpgrades = (simConfig.skip?.upgrades ?? {}) as Record<
      string,
      unknown
    >;
    const upgrades =
      typeof options.upgrades === 'function'
        ? options.upgrades(simUpgrades)
        : { ...simUpgrades, ...options.upgrades };
    const config = {
      ...simConfig,
      ...options.config,
      skip: {
        ...simConfig.skip,
        platformTeamGroups: ['group:default/skip'],
        ...options.config?.skip,
        upgrades,
      },
    };
    const notifications: unknown[] = [];
    const decideOne = (
      r: EvaluatePermissionRequest,
      credentials: { principal: unknown },
    ) => {
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      const user =
        principal.type === 'user' ? principal.userEntityRef : undefined;
      const allowed = options.decide
        ? options.decide(r.permission.name, user)
        : true;
      return {
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      } as const;
    };
    const { server } = await startTestBackend({
      features: [
        skipUpgradesPlugin,
        skipFleetPlugin,
        mockServices.rootConfig.factory({ data: config }),
        intervalSchedulerFactory,
        catalogServiceMock.factory({
          entities: options.entities ?? demoCatalogEntities(),
        }),
        mockServices.permissions.mock({
          authorize: async (requests, o) =>
            requests.map(r => decideOne(r, o.credentials)),
          authorizeConditional: async (requests, o) =>
            requests.map(r => decideOne(r, o.credentials)),
        }).factory,
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: unknown) => {
              notifications.push(notification);
            },
          }),
        }),
      ],
    });

    /** Requests to the upgrades API (paths under /api/skip-upgrades) with this Authorization header. */
    const withHeader = (authorization: string) => ({
      get: (route: string, query: Record<string, string> = {}) =>
        request(server)
          .get(`/api/skip-upgrades${route}`)
          .query(query)
          .set('Authorization', authorization),
      post: (route: string, body?: object) => {
        const call = request(server)
          .post(`/api/skip-upgrades${route}`)
          .set('Authorization', authorization);
        return body === undefined ? call : call.send(body);
      },
    });

    /** Requests as the user `userEntityRef` (default {@link PIA}). */
    const as = (userEntityRef: string = PIA) =>
      withHeader(mockCredentials.user.header(userEntityRef));
    /** Requests with a backend service's token. */
    const asService = () => withHeader(mockCredentials.service.header());

    /** The versions page once the fleet cache knows every cluster's version. */
    const ready = () =>
      eventually(
        () =>
          as()
            .get('/versions')
            .then(res => res.body as UpgradeVersionsResponse),
        v => v.clusters?.length > 0 && v.clusters.every(c => !!c.current),
        'every cluster with a known version on /versions',
      );

    /** The run `runId` (as {@link PIA}) once `ok` holds for it. */
    const waitForRun = (
      runId: string,
      ok: (run: UpgradeRun) => boolean,
      what = 'the run',
      timeoutMs?: number,
    ) =>
      eventually(
        () =>
          as()
            .get(`/runs/${runId}`)
            .then(res => res.body as UpgradeRun),
        ok,
        what,
        timeoutMs,
      );

    return {
      server,
      sim,
      /** The root config the backend started with. */
      config,
      notifications,
      as,
      asService,
      ready,
      waitForRun,
      eventually,
      async stop() {
        await sim.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export type UpgradesTestBackend = Awaited<
  ReturnType<typeof startUpgradesTestBackend>
>;
