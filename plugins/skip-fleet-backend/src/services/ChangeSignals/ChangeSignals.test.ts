import { mockServices } from '@backstage/backend-test-utils';
import type {
  SignalPayload,
  SignalsService,
} from '@backstage/plugin-signals-node';
import type { KubeObject } from '@internal/fleet-sim';
import {
  FleetChangeSignal,
  SKIP_FLEET_SIGNAL_CHANNEL,
} from '@internal/plugin-skip-common';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import {
  GKE_DEV,
  oneGkeCluster,
  SimulatedCache,
  startSimulatedCache,
} from '../../__testUtils__/startSimulatedCache';
import { FleetCache } from '../FleetCache';
import { ChangeSignals } from './ChangeSignals';

jest.setTimeout(60_000);

const BATCH_MS = 200;
const CLUSTER = GKE_DEV.name;
const API = {
  cluster: CLUSTER,
  namespace: 'matrikkel-api-main',
  name: 'matrikkel-api',
};
const GATEWAY = {
  cluster: CLUSTER,
  namespace: 'matrikkel-gateway-main',
  name: 'matrikkel-gateway',
};
const keyOf = (ref: typeof API) =>
  `${ref.cluster}/${ref.namespace}/${ref.name}`;

/** One cluster that runs its own Argo CD and two healthy apps: a world that stays quiet. */
const scenario = oneGkeCluster({
  name: 'change-signals',
  nodes: 2,
  argocd: [{ name: 'argocd-nonprod', cluster: CLUSTER, environments: ['dev'] }],
  teams: [
    {
      name: 'matrikkel',
      prefix: 'matrikkel-',
      group: 'group:default/matrikkel',
    },
  ],
  apps: [API, GATEWAY].map(ref => ({
    team: 'matrikkel',
    cluster: ref.cluster,
    namespace: ref.namespace,
    name: ref.name,
    image: `ghcr.io/kartverket/${ref.name}:1.0.0`,
  })),
});

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** What a cache holds of the two apps, and the cluster version once it has probed. */
const seenBy = (cache: FleetCache) => ({
  apps: [API, GATEWAY].map(ref => cache.summary(ref)),
  kubernetes: cache.clusters()[0].versions.kubernetes,
});

/** A cache with ChangeSignals listening from before it starts, so its first lists are the baseline. */
function startSignalledCache(fleet: SimulatedCache, signals: SignalsService) {
  const cache = fleet.createCache();
  const changeSignals = ChangeSignals.create({
    cache,
    signals,
    logger: mockServices.logger.mock(),
    batchMs: BATCH_MS,
  });
  changeSignals.start();
  cache.start();
  return { cache, changeSignals };
}

describe('ChangeSignals against the simulated fleet', () => {
  let fleet: SimulatedCache;
  let cache: FleetCache;
  let changeSignals: ChangeSignals;
  /** What the fake signals service was asked to publish, in order. */
  const published: SignalPayload<FleetChangeSignal>[] = [];
  const signals: SignalsService = {
    async publish(signal) {
      published.push(signal as unknown as SignalPayload<FleetChangeSignal>);
    },
  };
  const messages = () => published.map(p => p.message);
  const store = () => fleet.sim.cluster(CLUSTER).store;
  const aSignal = () =>
    eventually(messages, sent => sent.length > 0, 'a signal');

  /** Waits until a whole batch window passes without a message, then forgets what came. */
  async function settle() {
    let seen = -1;
    while (seen !== published.length) {
      seen = published.length;
      await sleep(BATCH_MS * 3);
    }
    published.length = 0;
  }

  beforeAll(async () => {
    fleet = await startSimulatedCache(scenario);
    ({ cache, changeSignals } = startSignalledCache(fleet, signals));
    await eventually(
      () => seenBy(cache),
      seen =>
        seen.apps.every(
          app =>
            app?.health === 'Healthy' && app.argo?.sync.status === 'Synced',
        ) && seen.kubernetes !== undefined,
      'both apps to be healthy and joined with their Argo CD apps',
    );
  });

  afterAll(async () => {
    changeSignals?.stop();
    await fleet?.stop();
  });

  beforeEach(() => settle());

  it('names an app once when its Argo CD app goes OutOfSync, as a broadcast on the fleet channel', async () => {
    const argoApp = store()
      .list('argoproj.io/v1alpha1', 'Application', 'argocd')
      .find(
        a =>
          (a.spec as { destination: { namespace: string } }).destination
            .namespace === API.namespace,
      )!;
    const status = argoApp.status as { sync: { status: string } };
    store().put({
      ...argoApp,
      status: { ...status, sync: { ...status.sync, status: 'OutOfSync' } },
    });

    await aSignal();
    await sleep(BATCH_MS * 3);
    expect(published).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: SKIP_FLEET_SIGNAL_CHANNEL,
        message: { clusters: [], apps: [keyOf(API)] },
      },
    ]);
    expect(cache.summary(API)?.argo?.sync.status).toBe('OutOfSync');
  });

  it('stays silent when Skiperator only rewrites status timestamps, and names the app that really changed after it', async () => {
    const app = store().get(
      'skiperator.kartverket.no/v1alpha1',
      'Application',
      GATEWAY.namespace,
      GATEWAY.name,
    )!;
    const moved = '2031-01-01T00:00:00Z';
    // Every timestamp Skiperator writes: the summary's, each subresource's and the conditions'.
    const status = JSON.parse(
      JSON.stringify(app.status).replace(
        /"(timestamp|lastTransitionTime)":"[^"]*"/g,
        `"$1":"${moved}"`,
      ),
    );
    store().put({ ...app, status });
    await eventually(
      () => cache.summary(GATEWAY)?.summary.timestamp,
      timestamp => timestamp === moved,
      'the cache to see the rewritten timestamps',
    );

    // A later real change in the same watch stream: once it is signalled, any signal about
    // the rewrite has been sent too (the batch holding the rewrite is flushed no later).
    const api = store().get(
      'skiperator.kartverket.no/v1alpha1',
      'Application',
      API.namespace,
      API.name,
    )!;
    const apiStatus = api.status as { summary: object };
    store().put({
      ...api,
      status: {
        ...apiStatus,
        summary: { ...apiStatus.summary, status: 'Error', message: 'boom' },
      },
    } as KubeObject);
    await eventually(
      messages,
      sent => sent.some(m => m.apps.includes(keyOf(API))),
      'a signal naming the app that turned Degraded',
    );

    expect(messages()[0]).toEqual({ clusters: [], apps: [keyOf(API)] });
    expect(messages().flatMap(m => m.apps)).not.toContain(keyOf(GATEWAY));
    expect(cache.summary(API)?.health).toBe('Degraded');
  });

  it('does not name a cluster whose row only moved lastSeenAt, and names it when a node stops being ready', async () => {
    const [first, second] = store().list('v1', 'Node');
    const seenBefore = cache.freshness(CLUSTER).lastSeenAt;
    const heartbeat = JSON.parse(
      JSON.stringify(first.status).replace(
        /"lastHeartbeatTime":"[^"]*"/g,
        '"lastHeartbeatTime":"2031-01-01T00:00:00Z"',
      ),
    );
    store().put({ ...first, status: heartbeat });
    await eventually(
      () => cache.freshness(CLUSTER).lastSeenAt,
      lastSeenAt => lastSeenAt !== seenBefore,
      'the heartbeat to reach the cache',
    );
    // Past the batch window: a message about the heartbeat would have been sent by now.
    await sleep(BATCH_MS * 3);
    expect(published).toEqual([]);

    const conditions = (
      second.status as { conditions: { type: string; status: string }[] }
    ).conditions.map(c => (c.type === 'Ready' ? { ...c, status: 'False' } : c));
    store().put({
      ...second,
      status: { ...(second.status as object), conditions },
    });
    await aSignal();
    expect(messages()).toEqual([{ clusters: [CLUSTER], apps: [] }]);
    expect(cache.clusters()[0].nodes).toEqual({ ready: 1, total: 2 });
  });

  it('names no app for what the clusters already held when a replica starts', async () => {
    const fromRestart: FleetChangeSignal[] = [];
    const restarted = startSignalledCache(fleet, {
      async publish(signal) {
        fromRestart.push(signal.message as unknown as FleetChangeSignal);
      },
    });
    try {
      await eventually(
        () => seenBy(restarted.cache),
        seen =>
          seen.apps.every(app => app?.argo) && seen.kubernetes !== undefined,
        'the restarted cache to hold both apps',
      );
      await sleep(BATCH_MS * 3);
      // Its own first sight of the cluster row may be named; the apps are not news.
      expect(fromRestart.flatMap(m => m.apps)).toEqual([]);
      expect(published).toEqual([]);
    } finally {
      restarted.changeSignals.stop();
      await restarted.cache.stop();
    }
  });
});
