import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { KubeObject } from '@internal/fleet-sim';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import {
  GKE_DEV,
  oneGkeCluster,
  SimulatedCache,
  startSimulatedCache,
} from '../../__testUtils__/startSimulatedCache';
import { FleetCache } from '../FleetCache';
import { ComponentClaims } from './ComponentClaims';
import { DefaultClusterPages } from './DefaultClusterPages';

jest.setTimeout(60_000);

const CLUSTER = GKE_DEV.name;
const apps = [
  { namespace: 'matrikkel-api-main', name: 'matrikkel-api' },
  { namespace: 'matrikkel-gateway-main', name: 'matrikkel-gateway' },
  { namespace: 'matrikkel-batch-main', name: 'matrikkel-batch' },
];

/** One cluster with its own Argo CD, two nodes and three of matrikkel's apps. */
const scenario = oneGkeCluster({
  name: 'cluster-pages',
  nodes: 2,
  argocd: [{ name: 'argocd-nonprod', cluster: CLUSTER, environments: ['dev'] }],
  teams: [
    {
      name: 'matrikkel',
      prefix: 'matrikkel-',
      group: 'group:default/matrikkel',
    },
  ],
  apps: apps.map(ref => ({
    team: 'matrikkel',
    cluster: CLUSTER,
    ...ref,
    image: `ghcr.io/kartverket/${ref.name}:1.0.0`,
  })),
});

const component = (
  name: string,
  annotations: Record<string, string> = {},
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, annotations },
  spec: { type: 'service', owner: 'group:default/matrikkel', lifecycle: 'x' },
});

/**
 * The api claims its app by annotation, the gateway by its name in its owner team's
 * namespace; nothing claims the batch app (no component of that name).
 */
const catalog = catalogServiceMock({
  entities: [
    component('matrikkel-api-service', {
      'skip.kartverket.no/skiperator-apps': 'matrikkel-api-main/matrikkel-api',
    }),
    component('matrikkel-gateway'),
  ],
});

describe('DefaultClusterPages, on a simulated cluster', () => {
  let fleet: SimulatedCache;
  let cache: FleetCache;
  let pages: DefaultClusterPages;
  const caller = mockCredentials.user('user:default/dev');
  const page = () => pages.details(CLUSTER, caller);

  beforeAll(async () => {
    fleet = await startSimulatedCache(scenario);
    cache = fleet.startCache();
    pages = DefaultClusterPages.create({
      cache,
      components: ComponentClaims.create({
        catalog,
        cache: mockServices.cache.mock(),
        // matrikkel owns its prefix; the real rule is NamespaceAccess's, tested with it.
        ownedBy: async group => (_cluster, namespace) =>
          group === 'group:default/matrikkel' &&
          namespace.startsWith('matrikkel-'),
        logger: mockServices.logger.mock(),
      }),
    });
  });

  afterAll(() => fleet?.stop());

  it('lists the apps on the cluster with their state, their Argo CD app and the component that claims them', async () => {
    const details = await eventually(
      page,
      d => d.apps.length === 3 && d.apps.every(a => a.argo),
      'three apps joined with Argo CD',
    );
    expect(details.apps.map(a => [a.name, a.component])).toEqual([
      ['matrikkel-api', 'component:default/matrikkel-api-service'],
      ['matrikkel-batch', undefined],
      ['matrikkel-gateway', 'component:default/matrikkel-gateway'],
    ]);
    const api = details.apps[0];
    expect(api.namespace).toBe('matrikkel-api-main');
    expect(api.argo?.instance).toBe('argocd-nonprod');
    expect(['Synced', 'OutOfSync', 'Unknown']).toContain(api.argo?.sync);
    expect(api.tag).toBe('1.0.0');
    expect(details.manages).toEqual([]);
    expect(details.cluster.metadata.name).toBe(CLUSTER);
  });

  it('shows each node with its pool, kubelet and readiness, and a pool with every kubelet version it runs', async () => {
    const ready = await eventually(
      page,
      d => d.nodes.length === 2,
      'both nodes',
    );
    expect(ready.nodePools).toEqual([
      {
        name: 'default-pool',
        nodes: 2,
        ready: 2,
        kubeletVersions: [GKE_DEV.kubernetesVersion],
      },
    ]);
    const store = fleet.sim.cluster(CLUSTER).store;
    const node = store.list('v1', 'Node')[0] as KubeObject & {
      status: Record<string, any>;
    };
    const before = structuredClone(node);
    try {
      node.status.nodeInfo.kubeletVersion = 'v1.32.1-gke.100';
      node.status.conditions = node.status.conditions.map(
        (c: { type: string }) =>
          c.type === 'Ready'
            ? { ...c, status: 'False', reason: 'KubeletNotReady' }
            : c,
      );
      store.put(node);
      const upgrading = await eventually(
        page,
        d => d.nodePools[0]?.ready === 1,
        'one node not Ready',
      );
      expect(upgrading.nodePools[0].kubeletVersions).toEqual([
        GKE_DEV.kubernetesVersion,
        'v1.32.1-gke.100',
      ]);
      const shown = upgrading.nodes.find(n => n.name === node.metadata.name)!;
      expect(shown).toMatchObject({
        pool: 'default-pool',
        ready: false,
        notReadyReason: 'KubeletNotReady',
        kubeletVersion: 'v1.32.1-gke.100',
      });
    } finally {
      store.put(before);
    }
  });

  it('still answers for a cluster that went down: its last nodes and apps, and why they are stale', async () => {
    await eventually(page, d => d.apps.length === 3, 'three apps');
    await fleet.sim.setFaults(CLUSTER, { down: true });
    try {
      const down = await eventually(
        page,
        d => d.cluster.freshness.reachability === 'unreachable',
        'the cluster to be unreachable',
      );
      expect(down.cluster.freshness.error).toBe('cannot be reached');
      expect(down.nodes).toHaveLength(2);
      expect(down.apps).toHaveLength(3);
    } finally {
      await fleet.sim.setFaults(CLUSTER, { down: false });
    }
  });

  it('refuses a cluster that is not configured, naming it', async () => {
    const refused = pages.details('no-such-cluster', caller);
    await expect(refused).rejects.toThrow(NotFoundError);
    await expect(refused).rejects.toThrow("No cluster 'no-such-cluster'");
  });
});
