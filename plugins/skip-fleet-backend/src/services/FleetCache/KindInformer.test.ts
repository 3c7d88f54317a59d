import { FleetSim } from '@internal/fleet-sim';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InformerChange, KindInformer } from './KindInformer';
import { CachedNamespace } from './kubeTypes';
import { projectWatched } from './projectWatched';

const CLUSTER = 'informer';
const SELECTOR = 'cached=yes';

/** A namespace as a real API server would send it, with what the cache must not keep. */
function namespace(name: string, cached = 'yes') {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: { cached, team: 'matrikkel' },
      annotations: {
        'kubectl.kubernetes.io/last-applied-configuration': '{"big":"json"}',
      },
      managedFields: [
        { manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:x': {} } },
      ],
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

describe('KindInformer', () => {
  let sim: FleetSim;
  let dir: string;
  let informer: KindInformer<CachedNamespace> | undefined;
  const changes: Array<{
    type: InformerChange;
    name: string;
    initial: boolean;
    /** Lists completed before the change was delivered. */
    afterListings?: number;
  }> = [];
  const errors: unknown[] = [];
  let listings = 0;
  let answers = 0;
  /** Answers (list pages) the cluster had given when the first list completed. */
  let pagesOfFirstList = 0;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'skip-informer-'));
    sim = await FleetSim.start({
      clusters: [{ name: CLUSTER, kubernetesVersion: 'v1.31.2' }],
      dir,
    });
  });

  afterEach(async () => {
    informer?.stop();
    informer = undefined;
    changes.length = 0;
    errors.length = 0;
    listings = 0;
    answers = 0;
    pagesOfFirstList = 0;
    for (const object of sim.cluster(CLUSTER).store.list('v1', 'Namespace')) {
      if (object.metadata.labels?.cached) {
        sim
          .cluster(CLUSTER)
          .store.remove('v1', 'Namespace', undefined, object.metadata.name);
      }
    }
    await sim.setFaults(CLUSTER, {
      expireResourceVersions: false,
      dropWatchesAfterMs: null as unknown as undefined,
    });
  });

  afterAll(async () => {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  });

  function startInformer(pageSize?: number, pollIntervalMs?: number) {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromFile(sim.kubeconfigPath);
    kubeConfig.setCurrentContext(CLUSTER);
    informer = new KindInformer({
      kubeConfig,
      path: '/api/v1/namespaces',
      labelSelector: SELECTOR,
      project: projectWatched.namespaces,
      pageSize,
      pollIntervalMs,
      onChange: (type, object, initial) =>
        changes.push({
          type,
          name: object.metadata.name,
          initial,
          ...(pollIntervalMs && { afterListings: listings }),
        }),
      onAnswer: () => answers++,
      onListed: () => {
        if (listings++ === 0) pagesOfFirstList = answers;
      },
      onError: error => errors.push(error),
    });
    informer.start();
    return informer;
  }

  it('keeps only the fields the portal reads, not managedFields or last-applied annotations', async () => {
    sim.cluster(CLUSTER).store.put(namespace('matrikkel-api-main'));
    const started = startInformer();
    await eventually(
      () => listings,
      n => n > 0,
      'the first list',
    );

    expect(started.get(undefined, 'matrikkel-api-main')).toEqual({
      metadata: {
        name: 'matrikkel-api-main',
        namespace: undefined,
        resourceVersion: expect.any(String),
        labels: { cached: 'yes', team: 'matrikkel' },
        creationTimestamp: expect.any(String),
      },
    });
  });

  it('reads a list in pages and delivers what it found as initial', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(n => `paged-${n}`);
    for (const name of names) sim.cluster(CLUSTER).store.put(namespace(name));
    const started = startInformer(2);
    await eventually(
      () => listings,
      n => n > 0,
      'the first list',
    );

    expect(
      started
        .list()
        .map(n => n.metadata.name)
        .sort(),
    ).toEqual(names);
    expect([...changes].sort((a, b) => a.name.localeCompare(b.name))).toEqual(
      names.map(name => ({ type: 'add', name, initial: true })),
    );
    // Seven objects two at a time: four pages.
    expect(pagesOfFirstList).toBe(4);
  });

  it('delivers a delete it never saw as an event by relisting when its watch expired (410)', async () => {
    const store = sim.cluster(CLUSTER).store;
    store.put(namespace('kept'));
    store.put(namespace('gone'));
    const started = startInformer();
    await eventually(
      () => listings,
      n => n > 0,
      'the first list',
    );
    sim.cluster(CLUSTER).store.put(namespace('added-later'));
    await eventually(
      () => started.get(undefined, 'added-later'),
      found => found !== undefined,
      'the watch to run',
    );

    // Leaving the selector is, to this watch, a delete with no event: only a relist finds it.
    store.put(namespace('gone', 'no'));
    await sim.setFaults(CLUSTER, {
      expireResourceVersions: true,
      dropWatchesAfterMs: 0,
    });
    await eventually(
      () => changes,
      seen => seen.some(c => c.type === 'delete'),
      'the delete',
    );

    expect(listings).toBeGreaterThan(1);
    expect(changes.filter(c => c.type === 'delete')).toEqual([
      { type: 'delete', name: 'gone', initial: false },
    ]);
    expect(
      started
        .list()
        .map(n => n.metadata.name)
        .sort(),
    ).toEqual(['added-later', 'kept']);
  });

  it('in poll mode opens no watch, and delivers a change and a delete within one round of lists', async () => {
    const watches = jest.spyOn(Watch.prototype, 'watch');
    try {
      const store = sim.cluster(CLUSTER).store;
      store.put(namespace('polled-kept'));
      store.put(namespace('polled-gone'));
      const started = startInformer(undefined, 200);
      expect(started.polling).toBe(true);
      await eventually(
        () => listings,
        n => n > 0,
        'the first list',
      );

      const listedBeforeAdd = listings;
      store.put(namespace('polled-added'));
      await eventually(
        () => changes.find(c => c.name === 'polled-added'),
        found => found !== undefined,
        'the added namespace',
      );
      const listedBeforeDelete = listings;
      store.remove('v1', 'Namespace', undefined, 'polled-gone');
      await eventually(
        () => changes.find(c => c.type === 'delete'),
        found => found !== undefined,
        'the delete',
      );

      const delivered = changes.filter(c => !c.initial);
      expect(delivered.map(({ type, name }) => ({ type, name }))).toEqual([
        { type: 'add', name: 'polled-added' },
        { type: 'delete', name: 'polled-gone' },
      ]);
      // A list already under way may miss a change; the next one to start sees it.
      expect([listedBeforeAdd, listedBeforeAdd + 1]).toContain(
        delivered[0].afterListings,
      );
      expect([listedBeforeDelete, listedBeforeDelete + 1]).toContain(
        delivered[1].afterListings,
      );
      expect(
        started
          .list()
          .map(n => n.metadata.name)
          .sort(),
      ).toEqual(['polled-added', 'polled-kept']);
      expect(watches).not.toHaveBeenCalled();
      expect(errors).toEqual([]);
    } finally {
      watches.mockRestore();
    }
  });
});
