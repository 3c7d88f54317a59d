import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import type { AppsResponse } from '@internal/plugin-skip-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { skipFleetPlugin } from '../plugin';
import { catalogEntities } from './catalogEntities';
import { eventually } from './eventually';

/** The caller of the fleet tests: a developer. */
export const user = mockCredentials.user.header('user:default/dev');

/**
 * The fleet plugin on its own simulated demo fleet, with the test catalog. The real policy
 * is exercised by the authorization matrix (packages/backend); here the caller may do
 * everything except the permissions a test puts in `denied`.
 */
export async function startFleetTestBackend() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-fleet-test-'));
  const sim: FleetSim = await startFleetSim({ scenario: 'demo', dir });
  const denied = new Set<string>();
  const decide = (r: { permission: { name: string } }) => ({
    result: denied.has(r.permission.name)
      ? AuthorizeResult.DENY
      : AuthorizeResult.ALLOW,
  });
  const { server } = await startTestBackend({
    features: [
      skipFleetPlugin,
      mockServices.rootConfig.factory({
        data: YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8')),
      }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.permissions.mock({
        authorize: async requests => requests.map(decide),
        authorizeConditional: async requests => requests.map(decide),
      }).factory,
    ],
  });

  /** matrikkel-api's apps, once all three are joined with the Argo CD app that deploys them. */
  const joinedApps = () =>
    eventually(
      () =>
        request(server)
          .get('/api/skip-fleet/apps')
          .query({ entityRef: 'component:default/matrikkel-api' })
          .set('Authorization', user)
          .then(res => res.body as AppsResponse),
      a => a.items?.length === 3 && a.items.every(i => i.argo),
      "matrikkel-api's three apps joined with Argo CD",
    );

  return {
    server,
    sim,
    denied,
    joinedApps,
    async stop() {
      await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type FleetTestBackend = Awaited<
  ReturnType<typeof startFleetTestBackend>
>;
