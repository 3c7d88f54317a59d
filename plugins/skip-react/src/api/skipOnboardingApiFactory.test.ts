/**
 * @jest-environment node
 */
// The node environment has the real fetch, streams and Request that the client sends with.
import { startFakeFleetBackend } from '../__testUtils__';
import { skipOnboardingApiFactory } from './skipOnboardingApiFactory';

type FakeBackend = Awaited<ReturnType<typeof startFakeFleetBackend>>;

let backend: FakeBackend | undefined;
afterEach(async () => {
  await backend?.close();
  backend = undefined;
});

/** The factory's client against the fake backend, signing every request as the user. */
function apiOn(fake: FakeBackend) {
  const baseUrl = fake.baseUrl.replace('skip-fleet', 'skip-onboarding');
  return skipOnboardingApiFactory.factory({
    discoveryApi: {
      getBaseUrl: async (pluginId: string) =>
        pluginId === 'skip-onboarding'
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
}

describe('skipOnboardingApiFactory', () => {
  it("asks skip-onboarding for a team's requests by its ref, signed as the user", async () => {
    backend = await startFakeFleetBackend(() => ({
      status: 200,
      body: { items: [] },
    }));
    const api = apiOn(backend);

    await expect(
      api.listRequests({ team: 'group:default/newteam', state: 'pending' }),
    ).resolves.toEqual({ items: [] });

    const [request] = backend.requests;
    expect(request.method).toBe('GET');
    const url = new URL(request.url, 'http://backend');
    expect(url.pathname).toBe('/api/skip-onboarding/requests');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      team: 'group:default/newteam',
      state: 'pending',
    });
    expect(request.headers.authorization).toBe('Bearer user-token');
  });

  it('retires a prefix at its own path and passes a refusal on with its status', async () => {
    backend = await startFakeFleetBackend(() => ({
      status: 409,
      body: {
        error: {
          name: 'ConflictError',
          message: 'newteam- still has 2 namespaces',
        },
        response: { statusCode: 409 },
      },
    }));
    const api = apiOn(backend);

    await expect(
      api.retirePrefix('newteam-', 'team is gone'),
    ).rejects.toMatchObject({ statusCode: 409 });

    const [request] = backend.requests;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/api/skip-onboarding/prefixes/newteam-/retire');
  });
});
