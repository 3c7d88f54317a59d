import { SkipUpgradesClient } from './SkipUpgradesClient';

type Answer = { status: number; body: unknown };

/**
 * A fetchApi like the browser's: Backstage's fetch middlewares build a Request from what
 * they are given to look at it, then pass what they were given on.
 */
function fakeBackend(answer: Answer = { status: 200, body: {} }) {
  const received: Request[] = [];
  const client = new SkipUpgradesClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend/api/${pluginId}`,
    },
    fetchApi: {
      async fetch(input: RequestInfo | URL, init?: RequestInit) {
        new Request(input, init).headers.get('authorization');
        received.push(new Request(input, init));
        return new Response(JSON.stringify(answer.body), {
          status: answer.status,
          headers: { 'content-type': 'application/json' },
        });
      },
    },
  });
  return { client, received };
}

describe('SkipUpgradesClient', () => {
  it('asks skip-upgrades for a step output with the key URL-encoded and the cursor', async () => {
    const { client, received } = fakeBackend({
      status: 200,
      body: { lines: [], done: false },
    });
    await expect(
      client.getStepOutput('run-1', 'prod/upgrade-user-cluster/atkv3-prod', 41),
    ).resolves.toEqual({ lines: [], done: false });
    expect(received[0].method).toBe('GET');
    expect(received[0].url).toBe(
      'http://backend/api/skip-upgrades/runs/run-1/steps/prod%2Fupgrade-user-cluster%2Fatkv3-prod/output?after=41',
    );
  });

  it('posts a plan request and a start with its digest as JSON', async () => {
    const { client, received } = fakeBackend({
      status: 201,
      body: { id: 'run-1' },
    });
    const request = {
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'environment' as const, environment: 'dev' as const },
      gates: { approvalBefore: ['prod' as const], soakSeconds: 600 },
    };
    await client.buildPlan(request);
    const run = await client.startRun({
      ...request,
      planDigest: 'a'.repeat(64),
    });
    expect(run).toEqual({ id: 'run-1' });
    const [plan, start] = received;
    expect(plan.url).toBe('http://backend/api/skip-upgrades/plans');
    expect(await plan.json()).toEqual(request);
    expect(start.method).toBe('POST');
    expect(start.url).toBe('http://backend/api/skip-upgrades/runs');
    expect(start.headers.get('content-type')).toBe('application/json');
    expect(await start.json()).toEqual({
      ...request,
      planDigest: 'a'.repeat(64),
    });
  });

  it('sends the reasons of abort, approve and skip, and the active filter of the list', async () => {
    const { client, received } = fakeBackend({ status: 200, body: {} });
    await client.abortRun('run-1', 'wrong window');
    await client.approveStep('run-1', 'prod/approval/before');
    await client.skipCluster('run-1', 'atkv3-prod2', 'being rebuilt');
    await client.retryStep('run-1', 'dev/preflight-diagnose/atkv3-dev');
    await client.listRuns({ active: true });
    await client.listRuns();
    expect(received.map(r => `${r.method} ${r.url}`)).toEqual([
      'POST http://backend/api/skip-upgrades/runs/run-1/abort',
      'POST http://backend/api/skip-upgrades/runs/run-1/steps/prod%2Fapproval%2Fbefore/approve',
      'POST http://backend/api/skip-upgrades/runs/run-1/clusters/atkv3-prod2/skip',
      'POST http://backend/api/skip-upgrades/runs/run-1/steps/dev%2Fpreflight-diagnose%2Fatkv3-dev/retry',
      'GET http://backend/api/skip-upgrades/runs?active=true',
      'GET http://backend/api/skip-upgrades/runs',
    ]);
    expect(await received[0].json()).toEqual({ reason: 'wrong window' });
    expect(await received[1].json()).toEqual({});
    expect(await received[2].json()).toEqual({ reason: 'being rebuilt' });
  });

  it('turns a refusal into the error the backend sent, with its message', async () => {
    const { client } = fakeBackend({
      status: 409,
      body: {
        error: {
          name: 'ConflictError',
          message: 'Rule admin-first: atkv3-admin-prod must be upgraded first',
        },
        response: { statusCode: 409 },
      },
    });
    const error = await client
      .buildPlan({
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'ladder' },
      })
      .catch(e => e);
    expect(error).toMatchObject({ name: 'ResponseError', statusCode: 409 });
    expect(error.cause.message).toBe(
      'Rule admin-first: atkv3-admin-prod must be upgraded first',
    );
  });
});
