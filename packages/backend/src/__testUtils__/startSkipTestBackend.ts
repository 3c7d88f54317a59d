import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  type AuditorServiceCreateEventOptions,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import permissionPlugin from '@backstage/plugin-permission-backend';
import skipPolicyModule from '@internal/plugin-permission-backend-module-skip-policy';
import skipFleetPlugin from '@internal/plugin-skip-fleet-backend';
import skipUpgradesPlugin from '@internal/plugin-skip-upgrades-backend';
import skipAccessPlugin from '@internal/plugin-skip-access-backend';
import skipOnboardingPlugin from '@internal/plugin-skip-onboarding-backend';
import { notificationService } from '@backstage/plugin-notifications-node';
import { onBehalfOfAuthServiceFactory } from './onBehalfOfAuth';

const root = path.resolve(__dirname, '../../../..');

/** One audit event as the plugin raised it, with how it ended. */
export type RecordedAuditEvent = {
  eventId: string;
  severityLevel?: string;
  meta?: Record<string, unknown>;
  /** The Authorization header of the request: says who made the change. */
  authorization?: string;
  status: 'initiated' | 'succeeded' | 'failed';
  error?: string;
};

/** The demo organisation of the embedded default (catalog/*.yaml). */
export function demoCatalogEntities(): Entity[] {
  return ['catalog/org.yaml', 'catalog/demo-components.yaml'].flatMap(file =>
    YAML.parseAllDocuments(fs.readFileSync(path.join(root, file), 'utf8')).map(
      doc => doc.toJSON() as Entity,
    ),
  );
}

/** What a real sign-in would give each demo user: themselves and the groups they are a member of. */
function ownershipOf(entities: Entity[], userEntityRef: string): string[] {
  const name = userEntityRef.split('/')[1];
  const user = entities.find(
    e => e.kind === 'User' && e.metadata.name === name,
  );
  const groups = ((user?.spec?.memberOf as string[]) ?? []).map(
    g => `group:default/${g}`,
  );
  return [userEntityRef, ...groups];
}

/** The product's features this harness loads (see features.ts); the rest stay out. */
export const SKIP_TEST_FEATURES = [
  '@backstage/plugin-permission-backend',
  '@internal/plugin-permission-backend-module-skip-policy',
  '@internal/plugin-skip-fleet-backend',
  '@internal/plugin-skip-upgrades-backend',
  '@internal/plugin-skip-access-backend',
  '@internal/plugin-skip-onboarding-backend',
];

/**
 * The SKIP backend plugins as the product loads them (those of `backendFeatures` that
 * serve SKIP routes and decide permissions: the real permission backend and SKIP
 * policy), on the demo catalog and a simulated demo fleet. Users sign in with mock tokens;
 * their groups come from the demo catalog, as a real sign-in resolves them.
 */
export async function startSkipTestBackend() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-backend-test-'));
  const sim: FleetSim = await startFleetSim({ scenario: 'demo', dir });
  const simConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
  const entities = demoCatalogEntities();
  const audit: RecordedAuditEvent[] = [];
  const record = async (
    options: AuditorServiceCreateEventOptions,
    status: RecordedAuditEvent['status'],
    error?: Error,
  ) => {
    audit.push({
      eventId: options.eventId,
      severityLevel: options.severityLevel,
      meta: options.meta as Record<string, unknown> | undefined,
      authorization: options.request?.headers.authorization,
      status,
      error: error?.message,
    });
  };
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      skipPolicyModule,
      skipFleetPlugin,
      skipUpgradesPlugin,
      skipAccessPlugin,
      skipOnboardingPlugin,
      // The upgrades engine tells the platform team when a gate waits; here nobody is told.
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      mockServices.rootConfig.factory({
        data: {
          ...simConfig,
          permission: { enabled: true },
          skip: {
            ...simConfig.skip,
            platformTeamGroups: ['group:default/skip'],
          },
        },
      }),
      catalogServiceMock.factory({ entities }),
      onBehalfOfAuthServiceFactory,
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const userEntityRef = (
            credentials.principal as { userEntityRef: string }
          ).userEntityRef;
          return {
            userEntityRef,
            ownershipEntityRefs: ownershipOf(entities, userEntityRef),
          };
        },
      }).factory,
      mockServices.auditor.mock({
        createEvent: async options => {
          record(options, 'initiated');
          return {
            success: async () => record(options, 'succeeded'),
            fail: async ({ error }) => record(options, 'failed', error),
          };
        },
      }).factory,
    ],
  });
  return {
    server,
    sim,
    audit,
    async stop() {
      await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** atkv3-test's upgrade, held by an approval before the test stage. */
export const GATED_UPGRADE_PLAN = {
  targetVersion: '1.30.400-gke.133',
  scope: { kind: 'cluster', cluster: 'atkv3-test' },
  gates: { approvalBefore: ['test'] },
};

/**
 * Previews and starts {@link GATED_UPGRADE_PLAN} as `platform` (an Authorization header of
 * the platform team) once the fleet cache knows atkv3-test's version, and returns the run
 * once it waits at its gate. The test backend's scheduler does not repeat the engine's
 * tick, so the run stays there until someone acts on it.
 */
export async function startGatedUpgradeRun(
  server: Parameters<typeof request>[0],
  platform: string,
): Promise<{ id: string; steps: { key: string }[] }> {
  const call = (method: 'get' | 'post', route: string, body?: object) => {
    const req = request(server)
      [method](`/api/skip-upgrades${route}`)
      .set('Authorization', platform);
    return body ? req.send(body) : req;
  };
  await eventually(
    () => call('get', '/versions').then(res => res.body),
    body =>
      body.clusters?.some(
        (c: any) => c.name === 'atkv3-test' && c.current === '1.30.300-gke.84',
      ),
    "atkv3-test's version on the versions page",
  );
  const plan = await call('post', '/plans', GATED_UPGRADE_PLAN);
  if (plan.status !== 200) {
    throw new Error(`Plan preview answered ${plan.status}: ${plan.text}`);
  }
  const run = await call('post', '/runs', {
    ...GATED_UPGRADE_PLAN,
    planDigest: plan.body.digest,
  });
  if (run.status !== 201) {
    throw new Error(`Run start answered ${run.status}: ${run.text}`);
  }
  return eventually(
    () => call('get', `/runs/${run.body.id}`).then(res => res.body),
    body => body.state === 'waiting',
    'the upgrade run waiting at its gate',
  );
}

/** Polls until `ok` holds (the watch cache fills in the background), or fails naming `what`. */
export async function eventually<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(
    `Timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(
      0,
      300,
    )}`,
  );
}
