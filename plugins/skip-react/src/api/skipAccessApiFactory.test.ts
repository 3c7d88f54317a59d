/**
 * @jest-environment node
 */
// The node environment has the real fetch, streams and Request that the client sends with.
import { startFakeFleetBackend } from '../__testUtils__';
import { skipAccessApiFactory } from './skipAccessApiFactory';

type FakeBackend = Awaited<ReturnType<typeof startFakeFleetBackend>>;

let backend: FakeBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

describe('skipAccessApiFactory', () => {
  it('applies a previewed plan at skip-access by its digest, signed as the user', async () => {
    backend = await startFakeFleetBackend(() => ({
      status: 200,
      body: { clusters: [] },
    }));
    const baseUrl = backend.baseUrl.replace('skip-fleet', 'skip-access');
    const api = skipAccessApiFactory.factory({
      discoveryApi: {
        getBaseUrl: async (pluginId: string) =>
          pluginId === 'skip-access' ? baseUrl : 'http://wrong-plugin.invalid',
      },
      fetchApi: {
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          const request = new Request(input, init);
          request.headers.set('authorization', 'Bearer user-token');
          return fetch(request);
        },
      },
    });

    const digest = 'a'.repeat(64);
    await expect(api.applyPlan(digest, ['atkv3-dev'])).resolves.toEqual({
      clusters: [],
    });

    const [request] = backend.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/skip-access/apply');
    expect(request.headers.authorization).toBe('Bearer user-token');
  });
});
