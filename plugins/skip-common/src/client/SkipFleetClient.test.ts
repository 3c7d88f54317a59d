import { SkipFleetClient } from './SkipFleetClient';

/**
 * A fetchApi like the browser's: Backstage's fetch middlewares (e.g. the identity one when the
 * request already has its header) build a Request from what they are given to look at it,
 * then pass what they were given on, where the next one builds a Request from it again.
 */
function backstageLikeFetch(received: Request[]) {
  return {
    async fetch(input: RequestInfo | URL, init?: RequestInit) {
      const inspected = new Request(input, init);
      inspected.headers.get('authorization');
      const sent = new Request(input, init);
      received.push(sent);
      return new Response(JSON.stringify({ accepted: true }), {
        status: 202,
        headers: { 'content-type': 'application/json' },
      });
    },
  };
}

describe('SkipFleetClient', () => {
  it('sends a POST with its JSON body through fetch middlewares that copy the request', async () => {
    const received: Request[] = [];
    const client = new SkipFleetClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/skip-fleet' },
      fetchApi: backstageLikeFetch(received),
    });
    await client.syncArgoApp(
      { instance: 'argocd-prod', namespace: 'argocd', name: 'my-app' },
      { prune: true, dryRun: true },
    );
    const [sync] = received;
    expect(sync.method).toBe('POST');
    expect(sync.url).toBe(
      'http://backend/api/skip-fleet/argocd/argocd-prod/argocd/my-app/sync',
    );
    expect(sync.headers.get('content-type')).toBe('application/json');
    expect(await sync.json()).toEqual({ prune: true, dryRun: true });
  });

  it('turns an error answer into the error the backend sent', async () => {
    const client = new SkipFleetClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend/api/skip-fleet' },
      fetchApi: {
        fetch: async () =>
          new Response(
            JSON.stringify({
              error: { name: 'ConflictError', message: 'already running' },
              response: { statusCode: 409 },
            }),
            { status: 409, headers: { 'content-type': 'application/json' } },
          ),
      },
    });
    await expect(
      client.rollbackArgoApp(
        { instance: 'argocd-prod', namespace: 'argocd', name: 'my-app' },
        { id: 1 },
      ),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 409 });
  });
});
