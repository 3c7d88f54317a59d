import { GatewayPlanner } from './GatewayPlanner';
import { WatchedKind } from './kubeTypes';

const USER_KINDS: WatchedKind[] = [
  'nodes',
  'namespaces',
  'skiperatorApps',
  'deployments',
];
const gateway = {
  name: 'fleet-prod',
  requestsPerMinute: 2400,
  maxStreams: 10,
  cacheShare: 0.5,
};
const clusters = Array.from({ length: 50 }, (_, i) => ({
  cluster: `gke-${i}`,
  kinds: USER_KINDS,
}));

describe('GatewayPlanner', () => {
  it('counts one page per list before the first lists, and lengthens the interval as lists turn out larger', () => {
    const planner = new GatewayPlanner(gateway, clusters);
    // 50 x (4 pages + 1 probe) = 250 a round; 250 x 60 / 1200 = 12.5 s.
    expect(planner.plan).toMatchObject({ mode: 'poll', intervalSeconds: 13 });

    for (const { cluster } of clusters) {
      planner.observe(cluster, 'namespaces', 5);
      planner.observe(cluster, 'skiperatorApps', 4);
      planner.observe(cluster, 'deployments', 4);
    }
    expect(planner.plan).toMatchObject({
      mode: 'poll',
      requestsPerRound: 750,
      intervalSeconds: 38,
    });
  });

  it('answers a new plan only when the interval changed', () => {
    const planner = new GatewayPlanner(gateway, clusters);
    expect(planner.observe('gke-0', 'nodes', 1)).toBeUndefined();
    expect(planner.observe('gke-0', 'namespaces', 2)).toBeUndefined();
    expect(planner.observe('gke-0', 'skiperatorApps', 40)).toMatchObject({
      intervalSeconds: 15,
    });
    expect(planner.observe('elsewhere', 'nodes', 9)).toBeUndefined();
  });
});
