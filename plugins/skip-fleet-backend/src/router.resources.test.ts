import { eventually } from '@internal/plugin-skip-node/testUtils';
import { user } from './__testUtils__/startFleetTestBackend';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

describe('drill-down and pod logs, read live from the simulated fleet', () => {
  const { backend } = useFleetTestBackend();
  const get = (path: string) => backend().get(path);

  it('explains a failing resource with its events and pods', async () => {
    const res = await get(
      '/resources/atkv3-dev/matrikkel-api-main/Application/matrikkel-api',
    );
    expect(res.status).toBe(200);
    expect(res.body.pods.length).toBeGreaterThan(0);
    expect(
      res.body.pods[0].containers.find((c: any) => c.name === 'matrikkel-api')
        .reason,
    ).toMatch(/ImagePullBackOff|ErrImagePull/);
    expect(res.body.events.map((e: any) => e.reason)).toContain('Failed');
    // Events of the app and its pods only, each pod event naming its pod.
    const podNames: string[] = res.body.pods.map((p: any) => p.name);
    const podEvents = res.body.events.filter((e: any) =>
      e.message?.startsWith('Pod '),
    );
    expect(podEvents.length).toBeGreaterThan(0);
    expect(
      podEvents.every((e: any) =>
        podNames.some(p => e.message.startsWith(`Pod ${p}:`)),
      ),
    ).toBe(true);
  });

  it('answers bad input with a 400 that names the field, before reaching a cluster', async () => {
    const res = await get('/resources/atkv3-dev/Not_A_Namespace/Deployment/x');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Invalid path: namespace: /);
    const noQuery = await get('/apps');
    expect(noQuery.status).toBe(400);
    expect(noQuery.body.error.message).toMatch(/entityRef or team/);
  });

  it("reads a pod's last log lines as text", async () => {
    const details = await get(
      '/resources/atgcp1-sandbox/nrl-register-main/Application/nrl-register',
    );
    const pod = details.body.pods[0].name;
    const res = await get(
      `/pods/atgcp1-sandbox/nrl-register-main/${pod}/log?tailLines=5`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text.trimEnd().split('\n').length).toBeLessThanOrEqual(5);
    expect(res.text).toMatch(/postgres:5432/);
  });

  it('follows a pod log live, and answers a missing pod with a 404 instead of an empty stream', async () => {
    const details = await get(
      '/resources/atgcp1-sandbox/nrl-register-main/Application/nrl-register',
    );
    const pod = details.body.pods[0].name;
    const { port } = backend().server.address() as { port: number };
    const aborter = new AbortController();
    const res = await fetch(
      `http://localhost:${port}/api/skip-fleet/pods/atgcp1-sandbox/nrl-register-main/${pod}/log?follow=true&tailLines=5`,
      { headers: { Authorization: user }, signal: aborter.signal },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('refused')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    expect(text).toMatch(/Connection to postgres:5432 refused/);
    const followers = () =>
      backend()
        .sim.cluster('atgcp1-sandbox')
        .logs.followers('nrl-register-main', pod, 'nrl-register');
    expect(followers()).toBe(1);
    aborter.abort();
    // The browser leaving ends the portal's request to the cluster too.
    await eventually(
      followers,
      n => n === 0,
      'the cluster-side log follower to end',
    );

    const missing = await get(
      '/pods/atgcp1-sandbox/nrl-register-main/no-such-pod/log?follow=true',
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/no-such-pod/);
  });
});
