/**
 * @jest-environment node
 */
// The node environment has the real fetch, streams and Request that the client sends with.
import { startFakeFleetBackend } from '../__testUtils__';
import { describeError, isNotAllowedError } from '../lib/describeError';
import { skipFleetApiFactory } from './skipFleetApiFactory';

type FakeBackend = Awaited<ReturnType<typeof startFakeFleetBackend>>;

let backend: FakeBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

/** The client the app builds, with a fetchApi that signs requests as Backstage's does. */
function appClient(baseUrl: string) {
  const discoveryApi = {
    getBaseUrl: async (pluginId: string) =>
      pluginId === 'skip-fleet' ? baseUrl : 'http://wrong-plugin.invalid',
  };
  const fetchApi = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      request.headers.set('authorization', 'Bearer user-token');
      return fetch(request);
    },
  };
  return skipFleetApiFactory.factory({ discoveryApi, fetchApi });
}

describe('skipFleetApiFactory', () => {
  it("reads the picked container's log from skip-fleet, signed as the user", async () => {
    backend = await startFakeFleetBackend(() => ({
      status: 200,
      body: 'starting foo-api 1.5.0\n',
    }));

    const log = await appClient(backend.baseUrl).getPodLog(
      { cluster: 'atkv3-dev', namespace: 'foo-main', name: 'foo-api-7d9f8' },
      { container: 'istio-proxy' },
    );

    expect(log).toBe('starting foo-api 1.5.0\n');
    expect(backend.requests).toHaveLength(1);
    const [request] = backend.requests;
    const url = new URL(request.url, backend.baseUrl);
    expect(url.pathname).toBe(
      '/api/skip-fleet/pods/atkv3-dev/foo-main/foo-api-7d9f8/log',
    );
    expect(url.searchParams.get('container')).toBe('istio-proxy');
    expect(request.headers.authorization).toBe('Bearer user-token');
  });

  it("reports a refusal with the backend's reason, as a refusal rather than a fault", async () => {
    backend = await startFakeFleetBackend(() => ({
      status: 403,
      body: {
        error: {
          name: 'NotAllowedError',
          message: 'You may not sync apps in namespace foo-main on atkv3-prod',
        },
        response: { statusCode: 403 },
      },
    }));

    const error = await appClient(backend.baseUrl)
      .syncArgoApp({ instance: 'argocd', namespace: 'argocd', name: 'foo' })
      .catch((e: Error) => e);

    expect(isNotAllowedError(error)).toBe(true);
    expect(describeError(error as Error)).toBe(
      'You may not sync apps in namespace foo-main on atkv3-prod (HTTP 403)',
    );
  });
});
