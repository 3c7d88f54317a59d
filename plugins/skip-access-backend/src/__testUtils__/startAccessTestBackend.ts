import {
  type AuditorServiceCreateEventOptions,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  type EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { skipAccessPlugin } from '../plugin';

const root = path.resolve(__dirname, '../../../..');

/** A catalog entity, as the catalog mock takes it. */
type Entity = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock.factory>[0]>['entities']
>[number];

/** The platform team's Pia: every permission unless a test's `decide` says otherwise. */
export const PIA = 'user:default/pia';
/** A developer in seeiendom: reads only, unless a test's `decide` says otherwise. */
export const GUEST = 'user:default/guest';

/** One audit event as the plugin raised it, with how it ended. */
export type RecordedAuditEvent = {
  eventId: string;
  severityLevel?: string;
  meta?: Record<string, unknown>;
  status: 'initiated' | 'succeeded' | 'failed';
  error?: string;
};

/** The demo organisation of the embedded default (catalog/org.yaml, catalog/demo-components.yaml). */
function demoCatalogEntities(): Entity[] {
  return ['catalog/org.yaml', 'catalog/demo-components.yaml'].flatMap(file =>
    YAML.parseAllDocuments(fs.readFileSync(path.join(root, file), 'utf8')).map(
      doc => doc.toJSON() as Entity,
    ),
  );
}

/**
 * The catalog mock keeps entities as given; a real catalog adds memberOf relations from a
 * User's spec.memberOf, which "what can this user do" reads.
 */
function withMembershipRelations(entities: Entity[]): Entity[] {
  return entities.map(entity =>
    entity.kind === 'User'
      ? {
          ...entity,
          relations: ((entity.spec?.memberOf as string[]) ?? []).map(g => ({
            type: 'memberOf',
            targetRef: `group:default/${g}`,
          })),
        }
      : entity,
  );
}

/** Scheduled tasks are recorded, not run: tests run the drift check when they choose, as the scheduler would. */
const recordingSchedulerFactory = (tasks: Map<string, () => Promise<void>>) =>
  createServiceFactory({
    service: coreServices.scheduler,
    deps: {},
    factory: () =>
      ({
        async scheduleTask(task: { id: string; fn: () => Promise<void> }) {
          tasks.set(task.id, async () => task.fn());
        },
        async triggerTask(id: string) {
          await tasks.get(id)?.();
        },
        async getScheduledTasks() {
          return [...tasks.keys()].map(id => ({
            id,
            scope: 'global' as const,
            settings: { version: 1 },
          }));
        },
      } as any),
  });

export type AccessTestBackendOptions = {
  /** `skip.access` config merged over the default (no rules folder). */
  access?: Record<string, unknown>;
  /**
   * Whether `user` (undefined for a service) may have `permission`. Default: Pia everything,
   * everyone else `skip.access.read` only. Read at each decision.
   */
  decide?: (permission: string, user: string | undefined) => boolean;
};

/**
 * The access plugin on a simulated demo fleet and the demo catalog, with the test's
 * permission decisions (the real SKIP policy is exercised by the authorization matrix in
 * packages/backend), audit events recorded, and the drift task run on demand.
 */
export async function startAccessTestBackend(
  options: AccessTestBackendOptions = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-access-test-'));
  const sim: FleetSim = await startFleetSim({ scenario: 'demo', dir });
  try {
    const simConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
    const config = {
      ...simConfig,
      skip: {
        ...simConfig.skip,
        platformTeamGroups: ['group:default/skip'],
        access: options.access ?? {},
      },
    };
    const audit: RecordedAuditEvent[] = [];
    const record = async (
      event: AuditorServiceCreateEventOptions,
      status: RecordedAuditEvent['status'],
      error?: Error,
    ) => {
      audit.push({
        eventId: event.eventId,
        severityLevel: event.severityLevel,
        meta: event.meta as Record<string, unknown> | undefined,
        status,
        error: error?.message,
      });
    };
    const decide =
      options.decide ??
      ((permission: string, user: string | undefined) =>
        user === PIA || permission === 'skip.access.read');
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
      return {
        result: decide(r.permission.name, user)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      } as const;
    };
    const tasks = new Map<string, () => Promise<void>>();
    const { server } = await startTestBackend({
      features: [
        skipAccessPlugin,
        mockServices.rootConfig.factory({ data: config }),
        recordingSchedulerFactory(tasks),
        catalogServiceMock.factory({
          entities: withMembershipRelations(demoCatalogEntities()),
        }),
        mockServices.permissions.mock({
          authorize: async (requests, o) =>
            requests.map(r => decideOne(r, o.credentials)),
          authorizeConditional: async (requests, o) =>
            requests.map(r => decideOne(r, o.credentials)),
        }).factory,
        mockServices.auditor.mock({
          createEvent: async event => {
            record(event, 'initiated');
            return {
              success: async () => record(event, 'succeeded'),
              fail: async ({ error }) => record(event, 'failed', error),
            };
          },
        }).factory,
      ],
    });

    /** Requests to the access API (paths under /api/skip-access) with this Authorization header. */
    const withHeader = (authorization: string) => ({
      get: (route: string) =>
        request(server)
          .get(`/api/skip-access${route}`)
          .set('Authorization', authorization),
      post: (route: string, body?: object) => {
        const call = request(server)
          .post(`/api/skip-access${route}`)
          .set('Authorization', authorization);
        return body === undefined ? call : call.send(body);
      },
      put: (route: string, body: object) =>
        request(server)
          .put(`/api/skip-access${route}`)
          .set('Authorization', authorization)
          .send(body),
      delete: (route: string) =>
        request(server)
          .delete(`/api/skip-access${route}`)
          .set('Authorization', authorization),
    });

    /** Requests as the user `userEntityRef` (default {@link PIA}). */
    const as = (userEntityRef: string = PIA) =>
      withHeader(mockCredentials.user.header(userEntityRef));
    const asService = () => withHeader(mockCredentials.service.header());

    /** The bindings of kind `kind` on `cluster`, as the simulated API server holds them. */
    const bindings = (
      cluster: string,
      kind: 'RoleBinding' | 'ClusterRoleBinding',
      namespace?: string,
    ) =>
      sim
        .cluster(cluster)
        .store.list('rbac.authorization.k8s.io/v1', kind, namespace) as any[];

    return {
      server,
      sim,
      audit,
      as,
      asService,
      bindings,
      /** Runs the scheduled drift check as the scheduler would. */
      runDriftTask: () => tasks.get('skip-access-drift')!(),
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

export type AccessTestBackend = Awaited<
  ReturnType<typeof startAccessTestBackend>
>;
