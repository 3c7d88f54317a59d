/**
 * @jest-environment node
 */
// The node environment has the real fetch, streams and Request that the client sends with.
import { startFakeFleetBackend } from '../__testUtils__';
import { skipUpgradesApiFactory } from './skipUpgradesApiFactory';

type FakeBackend = Awaited<ReturnType<typeof startFakeFleetBackend>>;

let backend: FakeBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

describe('skipUpgradesApiFactory', () => {
  it('approves a gate at skip-upgrades, with the step key encoded, signed as the user', async () => {
    backend = await startFakeFleetBackend(() => ({
      status: 200,
      body: { id: 'run-7' },
    }));
    const baseUrl = backend.baseUrl.replace('skip-fleet', 'skip-upgrades');
    const api = skipUpgradesApiFactory.factory({
      discoveryApi: {
        getBaseUrl: async (pluginId: string) =>
          pluginId === 'skip-upgrades'
            ? baseUrl
            : 'http://wrong-plugin.invalid',
      },
      fetchApi: {
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          const request = new Request(input, init);
          request.headers.set('authorization', 'Bearer user-token');
          return fetch(request);
        },
      },
    });

    await expect(
      api.approveStep('run-7', 'prod/approval/before', 'looks good'),
    ).resolves.toEqual({ id: 'run-7' });

    const [request] = backend.requests;
    expect(request.url).toBe(
      '/api/skip-upgrades/runs/run-7/steps/prod%2Fapproval%2Fbefore/approve',
    );
    expect(request.headers.authorization).toBe('Bearer user-token');
  });
});
