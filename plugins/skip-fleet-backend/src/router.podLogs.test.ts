import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

const IMAGE_PULL = {
  cluster: 'atkv3-dev',
  namespace: 'matrikkel-api-main',
  app: 'matrikkel-api',
};
const CRASH_LOOP = {
  cluster: 'atgcp1-sandbox',
  namespace: 'nrl-register-main',
  app: 'nrl-register',
};

describe('pod logs of containers that have none yet, and of previous runs', () => {
  const { backend } = useFleetTestBackend();
  const get = (path: string) => backend().get(path);
  const firstPod = async (app: typeof IMAGE_PULL) => {
    const details = await get(
      `/resources/${app.cluster}/${app.namespace}/Application/${app.app}`,
    );
    expect(details.status).toBe(200);
    return details.body.pods[0].name as string;
  };

  it('says plainly that a container whose image is not found has no log yet, read or followed', async () => {
    const pod = await firstPod(IMAGE_PULL);
    const base = `/pods/${IMAGE_PULL.cluster}/${IMAGE_PULL.namespace}/${pod}/log`;
    const read = await get(base);
    expect(read.status).toBe(400);
    expect(read.body.error.message).toBe(
      `Container 'matrikkel-api' of Pod ${IMAGE_PULL.namespace}/${pod} has no log yet: waiting: image not found`,
    );
    // Following it answers at once, instead of waiting out the cluster deadline.
    const started = Date.now();
    const followed = await get(`${base}?follow=true`);
    expect(followed.status).toBe(400);
    expect(followed.body.error.message).toMatch(
      /no log yet: waiting: image not found/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    // The pod's sidecar did start, and has its log.
    const sidecar = await get(`${base}?container=istio-proxy`);
    expect(sidecar.status).toBe(200);
    expect(sidecar.text).toMatch(/Envoy proxy is ready/);
  });

  it("reads a crash-looping container's previous run, and says when a container has none", async () => {
    const pod = await firstPod(CRASH_LOOP);
    backend()
      .sim.cluster(CRASH_LOOP.cluster)
      .logs.restart(CRASH_LOOP.namespace, pod, CRASH_LOOP.app);
    const base = `/pods/${CRASH_LOOP.cluster}/${CRASH_LOOP.namespace}/${pod}/log`;
    const previous = await get(
      `${base}?container=${CRASH_LOOP.app}&previous=true`,
    );
    expect(previous.status).toBe(200);
    expect(previous.text).toMatch(/Connection to postgres:5432 refused/);

    const never = await get(`${base}?container=istio-proxy&previous=true`);
    expect(never.status).toBe(400);
    expect(never.body.error.message).toMatch(
      /^Invalid query: previous: container 'istio-proxy' of Pod .* has no log of a previous run/,
    );
    const followed = await get(`${base}?previous=true&follow=true`);
    expect(followed.status).toBe(400);
    expect(followed.body.error.message).toMatch(/^Invalid query: previous: /);
  });
});
