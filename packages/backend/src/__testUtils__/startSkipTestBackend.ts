import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { AuditorServiceCreateEventOptions } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { Entity } from '@backstage/catalog-model';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import permissionPlugin from '@backstage/plugin-permission-backend';
import skipPolicyModule from '@internal/plugin-permission-backend-module-skip-policy';
import skipFleetPlugin from '@internal/plugin-skip-fleet-backend';
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
