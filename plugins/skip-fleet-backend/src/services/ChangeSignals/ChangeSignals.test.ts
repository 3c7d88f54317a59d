import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  SignalPayload,
  SignalsService,
} from '@backstage/plugin-signals-node';
import {
  FleetSim,
  KubeObject,
  scenarioSchema,
  startFleetSim,
} from '@internal/fleet-sim';
import {
  FleetChangeSignal,
  SKIP_FLEET_SIGNAL_CHANNEL,
} from '@internal/plugin-skip-common';
import {
  DefaultKubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { FleetCache } from '../FleetCache';
import { ChangeSignals } from './ChangeSignals';

jest.setTimeout(60_000);

const BATCH_MS = 200;
const CLUSTER = 'atgcp1-dev';
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
const scenario = scenarioSchema.parse({
  name: 'change-signals',
  clusters: [
    {
      name: CLUSTER,
      role: 'user',
      environment: 'dev',
      site: 'atgcp1',
      platform: 'gke',
      controlPlane: 'gke-managed',
      kubernetesVersion: 'v1.31.6-gke.1020000',
      platformVersion: '1.31.6-gke.1020000',
      nodes: 2,
    },
  ],
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

async function waitFor(ok: () => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise(r => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

describe('ChangeSignals against the simulated fleet', () => {
  let dir: string;
  let sim: FleetSim;
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
  const store = () => sim.cluster(CLUSTER).store;

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
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skip-change-signals-'));
    sim = await startFleetSim({ scenario, dir });
    const config = SkipConfig.fromConfig(
      new ConfigReader(YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'))),
    );
    cache = FleetCache.create({
      config,
      clients: DefaultKubernetesClientProvider.fromClusters(config.clusters),
      logger: mockServices.logger.mock(),
    });
    changeSignals = ChangeSignals.create({
      cache,
      signals,
      logger: mockServices.logger.mock(),
      batchMs: BATCH_MS,
    });
    changeSignals.start();
    cache.start();
    await waitFor(
      () =>
        [API, GATEWAY].every(
          ref =>
            cache.summary(ref)?.health === 'Healthy' &&
            cache.summary(ref)?.argo?.sync.status === 'Synced',
        ) && cache.clusters()[0].versions.kubernetes !== undefined,
      'both apps to be healthy and joined with their Argo CD apps',
    );
  });

  afterAll(async () => {
    changeSignals?.stop();
    await cache?.stop();
    await sim?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
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

    await waitFor(() => published.length > 0, 'a signal');
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
    await waitFor(
      () => cache.summary(GATEWAY)?.summary.timestamp === moved,
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
    await waitFor(
      () => messages().some(m => m.apps.includes(keyOf(API))),
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
    await waitFor(
      () => cache.freshness(CLUSTER).lastSeenAt !== seenBefore,
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
    await waitFor(() => published.length > 0, 'a signal');
    expect(messages()).toEqual([{ clusters: [CLUSTER], apps: [] }]);
    expect(cache.clusters()[0].nodes).toEqual({ ready: 1, total: 2 });
  });

  it('names no app for what the clusters already held when a replica starts', async () => {
    const config = SkipConfig.fromConfig(
      new ConfigReader(YAML.parse(fs.readFileSync(sim.appConfigPath, 'utf8'))),
    );
    const restarted = FleetCache.create({
      config,
      clients: DefaultKubernetesClientProvider.fromClusters(config.clusters),
      logger: mockServices.logger.mock(),
    });
    const fromRestart: FleetChangeSignal[] = [];
    const restartedSignals = ChangeSignals.create({
      cache: restarted,
      signals: {
        async publish(signal) {
          fromRestart.push(signal.message as unknown as FleetChangeSignal);
        },
      },
      logger: mockServices.logger.mock(),
      batchMs: BATCH_MS,
    });
    restartedSignals.start();
    restarted.start();
    try {
      await waitFor(
        () =>
          [API, GATEWAY].every(ref => restarted.summary(ref)?.argo) &&
          restarted.clusters()[0].versions.kubernetes !== undefined,
        'the restarted cache to hold both apps',
      );
      await sleep(BATCH_MS * 3);
      // Its own first sight of the cluster row may be named; the apps are not news.
      expect(fromRestart.flatMap(m => m.apps)).toEqual([]);
      expect(published).toEqual([]);
    } finally {
      restartedSignals.stop();
      await restarted.stop();
    }
  });
});
