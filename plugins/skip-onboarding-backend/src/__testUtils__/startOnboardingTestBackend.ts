import {
  type AuditorServiceCreateEventOptions,
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
import { skipOnboardingPlugin } from '../plugin';
import { notificationService } from '@backstage/plugin-notifications-node';

const root = path.resolve(__dirname, '../../../..');

/** A catalog entity, as the catalog mock takes it. */
type Entity = NonNullable<
  NonNullable<Parameters<typeof catalogServiceMock.factory>[0]>['entities']
>[number];

/** The platform team's Pia: every permission unless a test's `decide` says otherwise. */
export const PIA = 'user:default/pia';
/** A developer in seeiendom: reads only, unless a test's `decide` says otherwise. */
export const GUEST = 'user:default/guest';
/** A developer in matrikkel and newteam (a team without a prefix). */
export const MATS = 'user:default/mats';

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

export type OnboardingTestBackendOptions = {
  /** `skip.onboarding` config merged over the test default. */
  onboarding?: Record<string, unknown>;
};

/**
 * The onboarding plugin on a simulated demo fleet and the demo catalog, with decisions as the
 * SKIP policy makes them (the platform team everything; a request for a team by its members;
 * reads by everyone), audit events and notifications recorded, and a local bare GitOps
 * repository.
 */
export async function startOnboardingTestBackend(
  options: OnboardingTestBackendOptions = {},
) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-onboarding-test-'));
  const sim: FleetSim = await startFleetSim({ scenario: 'demo', dir });
  try {
    const simConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
    const config = {
      ...simConfig,
      skip: {
        ...simConfig.skip,
        platformTeamGroups: ['group:default/skip'],
        onboarding: {
          argocd: [
            {
              instance: 'argocd-nonprod',
              environments: ['sandbox', 'dev', 'test'],
            },
            { instance: 'argocd-prod', environments: ['prod'] },
          ],
          gitops: {
            repository: path.join(dir, 'platform-gitops.git'),
            createIfMissing: true,
          },
          ...options.onboarding,
        },
      },
    };
    const notifications: unknown[] = [];
    const entities = withMembershipRelations(demoCatalogEntities());
    const memberOf = (user: string | undefined) =>
      (
        (entities.find(
          e => e.kind === 'User' && `user:default/${e.metadata.name}` === user,
        )?.spec?.memberOf as string[]) ?? []
      ).map(g => `group:default/${g}`);
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
    // As the SKIP policy decides (the policy itself is tested against these in packages/backend).
    const decideOne = (
      r: EvaluatePermissionRequest & { resourceRef?: string },
      credentials: { principal: unknown },
    ) => {
      const principal = credentials.principal as {
        type: string;
        userEntityRef?: string;
      };
      const user =
        principal.type === 'user' ? principal.userEntityRef : undefined;
      const name = r.permission.name;
      const allowed =
        user === PIA ||
        name === 'skip.onboarding.read' ||
        (name === 'skip.onboarding.request.create' &&
          !!user &&
          memberOf(user).includes(String(r.resourceRef))) ||
        (!user && name !== 'skip.onboarding.request.approve');
      return {
        result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
      } as const;
    };
    const { server } = await startTestBackend({
      features: [
        skipOnboardingPlugin,
        mockServices.rootConfig.factory({ data: config }),
        catalogServiceMock.factory({ entities }),
        createServiceFactory({
          service: notificationService,
          deps: {},
          factory: () => ({
            send: async (notification: unknown) => {
              notifications.push(notification);
            },
          }),
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

    /** Requests to the onboarding API with this Authorization header. */
    const withHeader = (authorization: string) => ({
      get: (route: string) =>
        request(server)
          .get(`/api/skip-onboarding${route}`)
          .set('Authorization', authorization),
      post: (route: string, body?: object) => {
        const call = request(server)
          .post(`/api/skip-onboarding${route}`)
          .set('Authorization', authorization);
        return body === undefined ? call : call.send(body);
      },
      put: (route: string, body: object) =>
        request(server)
          .put(`/api/skip-onboarding${route}`)
          .set('Authorization', authorization)
          .send(body),
      delete: (route: string) =>
        request(server)
          .delete(`/api/skip-onboarding${route}`)
          .set('Authorization', authorization),
    });

    /** Requests as the user `userEntityRef` (default {@link PIA}). */
    const as = (userEntityRef: string = PIA) =>
      withHeader(mockCredentials.user.header(userEntityRef));
    const asService = () => withHeader(mockCredentials.service.header());

    return {
      server,
      sim,
      audit,
      as,
      asService,
      notifications,
      gitopsRepository: path.join(dir, 'platform-gitops.git'),
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

export type OnboardingTestBackend = Awaited<
  ReturnType<typeof startOnboardingTestBackend>
>;
