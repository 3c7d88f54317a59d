import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { startRouter } from './__testUtils__/startRouter';

const user = mockCredentials.user.header('user:default/dev');
const service = mockCredentials.service.header();
const base = '/api/skip-fleet';

describe('the fleet router', () => {
  it('refuses who may not call before it looks at the input: 401, then 403, then 400', async () => {
    const { app, calls } = await startRouter({
      fleetRead: AuthorizeResult.DENY,
    });
    const badInput = `${base}/resources/c/Not_A_Namespace/Deployment/x`;
    expect((await request(app).get(badInput)).status).toBe(401);
    const denied = await request(app).get(badInput).set('Authorization', user);
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe('You may not read the fleet');
    expect(calls).toEqual([]);
  });

  it('refuses an Argo CD action by a service before it looks at the body', async () => {
    const { app, calls } = await startRouter();
    const res = await request(app)
      .post(`${base}/argocd/argocd-prod/argocd/my-app/sync`)
      .set('Authorization', service)
      .send({ prune: 'yes' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/signed-in users/);
    expect(calls).toEqual([]);
  });

  it.each([
    [`/resources/c/Not_A_Namespace/Deployment/x`, /^Invalid path: namespace: /],
    [`/resources/c/ns/deployment/x`, /^Invalid path: kind: /],
    [`/apps?team=user:default/pia`, /^Invalid query: team: /],
    [`/apps?entityRef=a&entityRef=b`, /^Invalid query: entityRef: /],
    [`/apps`, /^Invalid query: give entityRef or team$/],
    [
      `/apps?team=group:default/a&entityRef=component:default/b`,
      /not both \(entityRef, team\)/,
    ],
    [`/namespaces`, /^Invalid query: team: /],
    [`/pods/c/ns/pod/log?tailLines=0`, /^Invalid query: tailLines: /],
    [`/pods/c/ns/pod/log?tailLines=many`, /^Invalid query: tailLines: /],
    [`/pods/c/ns/pod/log?container=%20`, /^Invalid query: container: /],
    [`/pods/c/ns/pod/log?follow=yes`, /^Invalid query: follow: /],
  ])('answers GET %s with a 400 naming the field', async (path, message) => {
    const { app, calls } = await startRouter();
    const res = await request(app)
      .get(`${base}${path}`)
      .set('Authorization', user);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(message);
    expect(calls).toEqual([]);
  });

  it.each([
    ['refresh', '{"type":"soft"}', /^Invalid body: type: /],
    ['sync', '{"prune":"yes"}', /^Invalid body: prune: /],
    ['sync', '{"revision":""}', /^Invalid body: revision: /],
    ['sync', '[]', /^Invalid body: body: /],
    ['sync', '{', /^Invalid body: body: must be a JSON object/],
  ])(
    'answers a %s with body %s with a 400 naming the field',
    async (action, body, message) => {
      const { app, calls } = await startRouter();
      const res = await request(app)
        .post(`${base}/argocd/argocd-prod/argocd/my-app/${action}`)
        .set('Authorization', user)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(message);
      expect(calls).toEqual([]);
    },
  );

  it('hands the service the validated input with its defaults, and ignores parameters it does not define', async () => {
    const { app, calls } = await startRouter();
    await request(app)
      .get(`${base}/pods/c/ns/pod-1/log?container=app&extra=1`)
      .set('Authorization', user)
      .expect(200);
    await request(app)
      .post(`${base}/argocd/argocd-prod/argocd/my-app/sync`)
      .set('Authorization', user)
      .send({ revision: 'v2', unknown: true })
      .expect(202, { accepted: true });
    await request(app)
      .post(`${base}/argocd/argocd-prod/argocd/my-app/refresh`)
      .set('Authorization', user)
      .expect(202, { accepted: true });
    expect(calls).toEqual([
      {
        method: 'read',
        args: [
          { cluster: 'c', namespace: 'ns', name: 'pod-1' },
          { container: 'app', tailLines: 200, previous: false },
        ],
      },
      {
        method: 'sync',
        args: [
          { instance: 'argocd-prod', namespace: 'argocd', name: 'my-app' },
          { revision: 'v2', prune: false, dryRun: false },
        ],
      },
      {
        method: 'refresh',
        args: [
          { instance: 'argocd-prod', namespace: 'argocd', name: 'my-app' },
          { type: 'normal' },
        ],
      },
    ]);
  });

  it('streams a followed log as uncached, unbuffered text', async () => {
    const { app } = await startRouter();
    const res = await request(app)
      .get(`${base}/pods/c/ns/pod-1/log?follow=true`)
      .set('Authorization', service);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-accel-buffering']).toBe('no');
    expect(res.text).toBe('line 1\nline 2\n');
  });
});
