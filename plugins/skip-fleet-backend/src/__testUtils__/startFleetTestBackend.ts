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
import { eventually } from '@internal/plugin-skip-node/testUtils';
import type { ObjectId } from './restoreFleet';

/**
 * Tests here flip a decision (`denied`) for the same user between requests, so decisions are
 * not cached: the decision cache's own tests (skip-node) cover caching and its TTL.
 */
function withoutDecisionCache(config: { skip?: object }) {
  return {
    ...config,
    skip: { ...config.skip, decisionCache: { ttlSeconds: 0 } },
  };
}

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
        data: withoutDecisionCache(
          YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8')),
        ),
      }),
      catalogServiceMock.factory({ entities: catalogEntities }),
      mockServices.permissions.mock({
        authorize: async requests => requests.map(decide),
        authorizeConditional: async requests => requests.map(decide),
      }).factory,
    ],
  });

  /** A GET of the fleet API (`route` under /api/skip-fleet) by {@link user}. */
  const get = (route: string, query: Record<string, string> = {}) =>
    request(server)
      .get(`/api/skip-fleet${route}`)
      .query(query)
      .set('Authorization', user);

  /** A POST of `body` to the fleet API (`route` under /api/skip-fleet) by {@link user}. */
  const post = (route: string, body: object) =>
    request(server)
      .post(`/api/skip-fleet${route}`)
      .set('Authorization', user)
      .send(body);

  /** matrikkel-api's apps, as the catalog component's page asks for them. */
  const matrikkelApps = () =>
    get('/apps', { entityRef: 'component:default/matrikkel-api' }).then(
      res => res.body as AppsResponse,
    );

  /** matrikkel-api's apps, once all three are joined with the Argo CD app that deploys them. */
  const joinedApps = () =>
    eventually(
      matrikkelApps,
      a => a.items?.length === 3 && a.items.every(i => i.argo),
      "matrikkel-api's three apps joined with Argo CD",
    );

  /**
   * The Argo CD Application that deploys matrikkel-api's dev app: its instance, and where it
   * is stored (on the cluster its Argo CD runs on, not the one it deploys to), as an
   * {@link ObjectId} a test can remember.
   */
  const devArgoApplication = async (): Promise<
    ObjectId & { instance: string }
  > => {
    const answer = await joinedApps();
    const { instance, namespace, name } = answer.items.find(
      i => i.cluster === 'atkv3-dev',
    )!.argo!;
    const id = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' };
    const cluster = [...sim.clusters.values()].find(c =>
      c.store.get(id.apiVersion, id.kind, namespace, name),
    )!.name;
    return { instance, cluster, ...id, namespace, name };
  };

  return {
    server,
    sim,
    denied,
    get,
    post,
    matrikkelApps,
    joinedApps,
    devArgoApplication,
    async stop() {
      await sim.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type FleetTestBackend = Awaited<
  ReturnType<typeof startFleetTestBackend>
>;
