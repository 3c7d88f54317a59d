import { mockServices } from '@backstage/backend-test-utils';
import type { ArgoAppRef } from '@internal/plugin-skip-common';
import type { SkipConfig } from '@internal/plugin-skip-node';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArgoAppAccess } from '../ArgoActions/ArgoAppAccess';
import { ArgoCdApiClient } from './ArgoCdApiClient';
import { DefaultArgoDiff } from './DefaultArgoDiff';

const ref: ArgoAppRef = { instance: 'prod', namespace: 'argocd', name: 'app' };
const caller = { credentials: {} as never };
/** Lets every caller look into every app: the route tests check the real access rules. */
const access = {
  target: () => ({}),
  requireToLookInto: async () => undefined,
} as unknown as ArgoAppAccess;

function argoDiff(api?: { url: string; token: string }) {
  return DefaultArgoDiff.create({
    access,
    api: ArgoCdApiClient.create({ logger: mockServices.logger.mock() }),
    config: {
      argoInstances: [{ name: 'prod', cluster: 'c', namespace: 'argocd', api }],
    } as unknown as SkipConfig,
  });
}

describe('DefaultArgoDiff', () => {
  it('says no diff is available for an instance without an API', async () => {
    await expect(argoDiff().get(ref, caller)).resolves.toEqual({
      ...ref,
      available: false,
      reason: 'No Argo CD API configured for instance prod',
      resources: [],
    });
  });

  it('answers 503 naming the instance when its API is down', async () => {
    const server = http.createServer();
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise(r => server.close(r));
    await expect(
      argoDiff({ url: `http://127.0.0.1:${port}`, token: 't' }).get(
        ref,
        caller,
      ),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: "The Argo CD API of instance 'prod' could not be reached",
    });
  });

  it('answers 503 without the token when the API refuses it', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end('{"error":"no session information","code":16}');
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    try {
      const failure = argoDiff({
        url: `http://127.0.0.1:${port}`,
        token: 'secret-token',
      }).get(ref, caller);
      await expect(failure).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/refused the portal's token/),
      });
      await expect(failure).rejects.not.toMatchObject({
        message: expect.stringMatching(/secret-token/),
      });
    } finally {
      await new Promise(r => server.close(r));
    }
  });

  it('answers 503 for a login page instead of JSON, and does not follow a redirect with the token', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.url} ${req.headers.authorization ?? ''}`);
      if (req.url?.startsWith('/sso')) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>sign in</html>');
      } else if (req.url?.includes('/applications/moved/')) {
        res.writeHead(302, { Location: '/sso/login' });
        res.end();
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html>sign in</html>');
      }
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const api = { url: `http://127.0.0.1:${port}`, token: 'secret-token' };
    try {
      await expect(argoDiff(api).get(ref, caller)).rejects.toMatchObject({
        name: 'ServiceUnavailableError',
        message:
          "The Argo CD API of instance 'prod' answered something that is not JSON",
      });
      await expect(
        argoDiff(api).get({ ...ref, name: 'moved' }, caller),
      ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
      expect(seen.filter(s => s.startsWith('/sso'))).toEqual([]);
    } finally {
      await new Promise(r => server.close(r));
    }
  });
});
