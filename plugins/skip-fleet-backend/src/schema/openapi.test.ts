import {
  contractCheckingProxy,
  specOperations,
} from '@internal/plugin-skip-node/testUtils';
import request from 'supertest';
import { user } from '../__testUtils__/startFleetTestBackend';
import { useFleetTestBackend } from '../__testUtils__/useFleetTestBackend';
import { createOpenApiRouter, spec } from './openapi/generated';

jest.setTimeout(90_000);

describe('the OpenAPI contract, against real answers from the simulated fleet', () => {
  const { backend, fleet } = useFleetTestBackend();
  let proxy: Awaited<ReturnType<typeof contractCheckingProxy>>;

  beforeAll(async () => {
    proxy = await contractCheckingProxy(backend().server, {
      createOpenApiRouter,
      spec,
    });
  });

  it('answers every operation, successes and errors alike, as the spec describes', async () => {
    const argo = await backend().devArgoApplication();
    fleet.remember(argo);
    const argoPath = `/argocd/${argo.instance}/${argo.namespace}/${argo.name}`;
    const pod = backend()
      .sim.cluster('atkv3-dev')
      .store.list('v1', 'Pod', 'matrikkel-api-main')[0].metadata.name;
    const calls: [string, string, object?][] = [
      ['get', '/clusters'],
      ['get', '/clusters/atkv3-dev'],
      ['get', '/clusters/no-such-cluster'],
      ['get', '/apps?entityRef=component:default/matrikkel-api'],
      ['get', '/apps?team=group:default/matrikkel'],
      ['get', '/apps?entityRef=component:default/no-such-component'],
      ['get', '/apps'],
      ['get', '/namespaces?team=group:default/matrikkel'],
      ['get', '/namespaces'],
      [
        'get',
        '/resources/atkv3-dev/matrikkel-api-main/Application/matrikkel-api',
      ],
      ['get', `/resources/atkv3-dev/matrikkel-api-main/Pod/${pod}`],
      ['get', '/resources/no-such-cluster/matrikkel-api-main/Pod/x'],
      ['get', '/resources/atkv3-dev/Bad_Namespace/Pod/x'],
      // The app container cannot pull its image (no log yet); its sidecar has one.
      [
        'get',
        `/pods/atkv3-dev/matrikkel-api-main/${pod}/log?tailLines=3&container=istio-proxy`,
      ],
      ['get', '/pods/atkv3-dev/matrikkel-api-main/no-such-pod/log'],
      ['get', argoPath],
      ['get', '/argocd/argocd-nonprod/argocd/no-such-app'],
      ['get', `${argoPath}/diff`],
      ['get', '/argocd/argocd-nonprod/argocd/no-such-app/diff'],
      ['post', `${argoPath}/rollback`, { id: 0 }],
      ['post', `${argoPath}/rollback`, {}],
      ['get', '/apps/atkv3-dev/matrikkel-api-main/matrikkel-api/tree'],
      ['get', '/apps/atkv3-dev/matrikkel-api-main/no-such-app/tree'],
      ['post', `${argoPath}/refresh`, { type: 'hard' }],
      ['post', `${argoPath}/refresh`, { type: 'soft' }],
      ['post', `${argoPath}/sync`, {}],
      ['post', `${argoPath}/sync`, {}],
      ['post', '/argocd/argocd-nonprod/argocd/no-such-app/sync', {}],
      ['get', '/apps/atkv3-dev/seeiendom-api-main/seeiendom-api/access-policy'],
      ['get', '/apps/atkv3-dev/seeiendom-api-main/no-such-app/access-policy'],
    ];
    const statuses: string[] = [];
    for (const [method, path, body] of calls) {
      const call = request(proxy.app)
        [method as 'get' | 'post'](`/api/skip-fleet${path}`)
        .set('Authorization', user);
      const res = await (body ? call.send(body) : call);
      statuses.push(`${method.toUpperCase()} ${path}: ${res.status}`);
    }
    expect(proxy.violations).toEqual([]);
    // The calls above meet every kind of answer they are meant to.
    expect(statuses.map(s => s.replace(/^.*: /, ''))).toEqual([
      '200',
      '200',
      '404',
      '200',
      '200',
      '404',
      '400',
      '200',
      '400',
      '200',
      '200',
      '404',
      '400',
      '200',
      '404',
      '200',
      '404',
      '200',
      '404',
      '409',
      '400',
      '200',
      '404',
      '202',
      '400',
      '202',
      '409',
      '404',
      '200',
      '404',
    ]);
    expect([...proxy.exercised].sort()).toEqual(specOperations(spec).sort());
  });
});
