import { createBackend } from '@backstage/backend-defaults';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { FleetSim, startFleetSim } from '@internal/fleet-sim';
import skipFleetPlugin from '@internal/plugin-skip-fleet-backend';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import YAML from 'yaml';
import { errorAnswersWithoutStacks } from './errorAnswersWithoutStacks';

jest.setTimeout(120_000);

/** A component whose catalog lookup fails the way a bug does: a plain Error naming a server file. */
const BROKEN_REF = 'component:default/broken';

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('error answers of SKIP routes (the product backend, NODE_ENV=development)', () => {
  const nodeEnv = process.env.NODE_ENV;
  let sim: FleetSim;
  let dir: string;
  let baseUrl: string;
  let backend: ReturnType<typeof createBackend>;
  const user = mockCredentials.user.header('user:default/pia');

  beforeAll(async () => {
    // The embedded default runs as development, where Backstage would add stack traces.
    process.env.NODE_ENV = 'development';
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-error-answers-'));
    sim = await startFleetSim({ scenario: 'demo', dir });
    const simConfig = YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'));
    const port = await freePort();
    baseUrl = `http://localhost:${port}`;
    const catalog = catalogServiceMock.mock({
      getEntityByRef: async ref => {
        if (ref === BROKEN_REF) {
          throw new Error(
            `ENOENT: no such file or directory, open '${__dirname}/catalog.yaml'`,
          );
        }
        return undefined;
      },
    });
    // The product's backend as index.ts builds it, with test identities.
    errorAnswersWithoutStacks();
    backend = createBackend();
    for (const feature of [
      skipFleetPlugin,
      catalog.factory,
      mockServices.auth.factory(),
      mockServices.httpAuth.factory(),
      mockServices.permissions.factory(),
      mockServices.rootLogger.factory(),
      mockServices.rootConfig.factory({
        data: {
          ...simConfig,
          backend: {
            baseUrl,
            listen: { host: '127.0.0.1', port },
            database: { client: 'better-sqlite3', connection: ':memory:' },
          },
          skip: {
            ...simConfig.skip,
            platformTeamGroups: ['group:default/skip'],
          },
        },
      }),
    ]) {
      backend.add(feature);
    }
    await backend.start();
  });

  afterAll(async () => {
    await backend?.stop();
    process.env.NODE_ENV = nodeEnv;
    await sim?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function expectNoServerDetails(res: request.Response, status: number) {
    expect(res.status).toBe(status);
    expect(Object.keys(res.body)).toEqual(['error', 'request', 'response']);
    expect(Object.keys(res.body.error).sort()).toEqual(['message', 'name']);
    expect(res.body.response).toEqual({ statusCode: status });
    expect(res.text).not.toContain('stack');
    expect(res.text).not.toContain('/work/');
    expect(res.text).not.toContain(__dirname);
    expect(res.text).not.toMatch(/\n\s+at |node_modules/);
  }

  it('answers a 400 (bad input) with the field named and no stack', async () => {
    const res = await request(baseUrl)
      .get('/api/skip-fleet/pods/dev-1/some-ns/some-pod/log?tailLines=0')
      .set('Authorization', user);
    expectNoServerDetails(res, 400);
    expect(res.body.error.message).toMatch(/tailLines/);
  });

  it('answers a 404 (no such entity) naming it, with no stack', async () => {
    const res = await request(baseUrl)
      .get('/api/skip-fleet/apps?entityRef=component:default/nothing-here')
      .set('Authorization', user);
    expectNoServerDetails(res, 404);
    expect(res.body.error.message).toContain('component:default/nothing-here');
  });

  it('answers a 500 (a bug) with a log id instead of the message naming a server file', async () => {
    const res = await request(baseUrl)
      .get(`/api/skip-fleet/apps?entityRef=${BROKEN_REF}`)
      .set('Authorization', user);
    expectNoServerDetails(res, 500);
    expect(res.body.error.message).toMatch(
      /^An internal error occurred \(logId=[0-9a-f]+\)$/,
    );
    expect(res.text).not.toContain('ENOENT');
  });
});
