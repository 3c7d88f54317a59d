import type {
  AppsResponse,
  NamespacesResponse,
} from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { useFleetTestBackend } from './__testUtils__/useFleetTestBackend';

jest.setTimeout(90_000);

describe('apps and namespaces, read from the watch cache of the simulated fleet', () => {
  const { backend, fleet } = useFleetTestBackend();
  const get = (path: string, query: Record<string, string>) =>
    backend().get(path, query);

  it("merges a component's apps from several clusters, each joined with the Argo CD app that deploys it", async () => {
    const answer = await backend().joinedApps();
    const byCluster = Object.fromEntries(answer.items.map(i => [i.cluster, i]));
    expect(Object.keys(byCluster).sort()).toEqual([
      'atkv3-dev',
      'atkv3-prod',
      'atkv3-test',
    ]);
    expect(byCluster['atkv3-prod'].argo?.instance).toBe('argocd-prod');
    expect(byCluster['atkv3-dev'].argo?.instance).toBe('argocd-nonprod');
    expect(byCluster['atkv3-dev'].environment).toBe('dev');
    expect(byCluster['atkv3-dev'].tag).toBe('v2.4.0-rc1-typo');
    // A probe can miss under load (a busy CI machine); a healthy fleet is reachable again at the next one.
    await eventually(
      backend().matrikkelApps,
      a => a.clusters.every(c => c.reachability === 'reachable'),
      "every cluster of matrikkel-api's apps reachable",
    );
    const failing = await eventually(
      backend().matrikkelApps,
      a => a.items.find(i => i.cluster === 'atkv3-dev')?.health === 'Degraded',
      'the bad image to degrade the dev app',
    );
    const dev = failing.items.find(i => i.cluster === 'atkv3-dev')!;
    expect(dev.ownedResources.find(o => o.kind === 'Deployment')?.health).toBe(
      'Degraded',
    );
  });

  it("lets a component without a SKIP annotation claim only its owner team's apps of that name", async () => {
    const byOwner = async (owner: string) =>
      (
        await get('/apps', {
          entityRef: `component:owned-by-${owner}/matrikkel-api`,
        })
      ).body as AppsResponse;
    expect(
      (await byOwner('matrikkel')).items.map(i => i.cluster).sort(),
    ).toEqual(['atkv3-dev', 'atkv3-prod', 'atkv3-test']);
    expect((await byOwner('seeiendom')).items).toEqual([]);
  });

  it("lists a team's apps: every app in the namespaces it owns, and no other team's", async () => {
    const res = await get('/apps', { team: 'group:default/matrikkel' });
    expect(res.status).toBe(200);
    const answer = res.body as AppsResponse;
    expect(answer.items.map(i => i.name)).toContain('matrikkel-api');
    expect(
      answer.items.filter(i => i.name === 'matrikkel-api').map(i => i.cluster),
    ).toEqual(
      expect.arrayContaining(['atkv3-dev', 'atkv3-test', 'atkv3-prod']),
    );
    expect(answer.items.every(i => i.namespace.startsWith('matrikkel-'))).toBe(
      true,
    );
    const other = (await get('/apps', { team: 'group:default/seeiendom' }))
      .body as AppsResponse;
    expect(other.items.some(i => i.namespace.startsWith('matrikkel-'))).toBe(
      false,
    );
  });

  it("lists a team's namespaces, where a namespace's team label wins over another team's prefix", async () => {
    const namespace = (name: string, team: string) =>
      fleet.put('atkv3-dev', {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name, labels: { team } },
      });
    // Named with matrikkel's prefix, labelled for seeiendom; and the other way round.
    namespace('matrikkel-lent-out', 'seeiendom');
    namespace('borrowed-by-matrikkel', 'matrikkel');
    const names = async (team: string) =>
      ((await get('/namespaces', { team })).body as NamespacesResponse).items
        .filter(n => n.cluster === 'atkv3-dev')
        .map(n => n.name);
    const matrikkel = await eventually(
      () => names('group:default/matrikkel'),
      n => n.includes('borrowed-by-matrikkel'),
      "the labelled namespace in matrikkel's list",
    );
    expect(matrikkel).not.toContain('matrikkel-lent-out');
    expect(matrikkel).toContain('matrikkel-api-main');
    const seeiendom = await names('group:default/seeiendom');
    expect(seeiendom).toContain('matrikkel-lent-out');
    expect(seeiendom).not.toContain('borrowed-by-matrikkel');
  });
});
