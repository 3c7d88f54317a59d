import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { startFleetSim } from '@internal/fleet-sim';
import {
  DefaultKubernetesClientProvider,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { eventually } from '@internal/plugin-skip-node/testUtils';
import { VersionApi, Watch } from '@kubernetes/client-node';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import {
  GKE_DEV,
  oneGkeCluster,
} from '../../__testUtils__/startSimulatedCache';
import { FleetCache } from './FleetCache';

jest.setTimeout(60_000);

function namespace(name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { team: 'matrikkel' } },
  };
}

describe('ClusterWatches behind a Connect gateway without streams to spare', () => {
  let sim: Awaited<ReturnType<typeof startFleetSim>>;
  let dir: string;
  let cache: FleetCache;
  const logger = mockServices.logger.mock();
  const watches = jest.spyOn(Watch.prototype, 'watch');
  const versionProbes = jest.spyOn(VersionApi.prototype, 'getCode');
  const namespaces = () =>
    cache.clusterNamespaces(GKE_DEV.name).map(n => n.metadata.name);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'skip-gateway-'));
    sim = await startFleetSim({ scenario: oneGkeCluster(), dir });
    sim.cluster(GKE_DEV.name).store.put(namespace('matrikkel-before'));
    const appConfig = YAML.parse(await readFile(sim.appConfigPath, 'utf8'));
    appConfig.skip.connectGateways = [{ name: 'fleet-prod', maxStreams: 0 }];
    for (const cluster of appConfig.skip.clusters) {
      cluster.connectGateway = 'fleet-prod';
    }
    const config = SkipConfig.fromConfig(new ConfigReader(appConfig));
    cache = FleetCache.create({
      config,
      clients: DefaultKubernetesClientProvider.fromClusters(config.clusters),
      logger,
      probeTimeoutMs: 1_000,
    });
    cache.start();
    await eventually(
      namespaces,
      n => n.includes('matrikkel-before'),
      'the first round',
    );
  });

  afterAll(async () => {
    watches.mockRestore();
    versionProbes.mockRestore();
    await cache?.stop();
    await sim?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('logs the gateway plan at start: poll, its interval, requests per minute, no streams', () => {
    expect(logger.info).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Connect gateway fleet-prod: poll every 10 s \(5 requests a round.*\); 30 of 1200 requests\/min, 0 streams; 1 cluster: atgcp1-dev$/,
      ),
      { gateway: 'fleet-prod', mode: 'poll' },
    );
  });

  it('polls: opens no watch, serves what each round lists, and drops what a round no longer finds', async () => {
    const store = sim.cluster(GKE_DEV.name).store;
    store.put(namespace('matrikkel-added'));
    store.remove('v1', 'Namespace', undefined, 'matrikkel-before');
    await eventually(
      namespaces,
      n => n.includes('matrikkel-added') && !n.includes('matrikkel-before'),
      'the next round',
    );
    expect(watches).not.toHaveBeenCalled();
    expect(cache.freshness(GKE_DEV.name).reachability).toBe('reachable');
  });

  it('leaves a polled cluster out of the scheduled probe: it probes once a round, as planned', async () => {
    const before = versionProbes.mock.calls.length;
    await cache.probeClusters();
    expect(versionProbes.mock.calls.length).toBe(before);
  });
});
