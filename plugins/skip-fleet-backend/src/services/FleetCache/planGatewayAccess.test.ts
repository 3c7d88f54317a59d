import { describeGatewayPlan, planGatewayAccess } from './planGatewayAccess';

const GOOGLE_QUOTA = {
  requestsPerMinute: 2400,
  maxStreams: 10,
  cacheShare: 0.5,
};

/** A user cluster with `apps` Skiperator apps, one namespace each, at 500 objects a page. */
function userCluster(cluster: string, apps: number) {
  const pages = (objects: number) => Math.max(1, Math.ceil(objects / 500));
  // nodes, namespaces (apps + about ten system ones), Skiperator apps, their Deployments
  return {
    cluster,
    pagesPerList: [1, pages(apps + 10), pages(apps), pages(apps)],
  };
}

const fleet = (count: number, apps: number) =>
  Array.from({ length: count }, (_, i) => userCluster(`gke-${i}`, apps));

describe('planGatewayAccess', () => {
  it('watches two clusters: eight streams fit in ten, and probes plus re-watches fit the share', () => {
    const plan = planGatewayAccess({
      gateway: 'fleet-prod',
      quota: GOOGLE_QUOTA,
      clusters: fleet(2, 2000),
    });
    expect(plan).toEqual({
      mode: 'watch',
      gateway: 'fleet-prod',
      clusters: ['gke-0', 'gke-1'],
      budgetPerMinute: 1200,
      // 2 clusters x 6 probes a minute + 8 streams x one re-watch per 5 minutes
      requestsPerMinute: 12 + 1.6,
      streams: 8,
    });
  });

  it('polls fifty clusters of 2,000 apps within half the quota and no streams', () => {
    const plan = planGatewayAccess({
      gateway: 'fleet-prod',
      quota: GOOGLE_QUOTA,
      clusters: fleet(50, 2000),
    });
    // A round: 50 x (1 + 5 + 4 + 4) pages + 50 probes = 750 requests; 750 x 60 / 1200 = 37.5 s.
    expect(plan).toMatchObject({
      mode: 'poll',
      streams: 0,
      requestsPerRound: 750,
      intervalSeconds: 38,
      worstFreshnessSeconds: 38 + 5,
      meanFreshnessSeconds: 21.5,
    });
    expect(plan.requestsPerMinute).toBeLessThanOrEqual(1200);
    expect(plan.requestsPerMinute).toBeCloseTo((750 * 60) / 38);
  });

  it('polls when the streams would fit but the probes alone would not fit the share', () => {
    const plan = planGatewayAccess({
      gateway: 'small',
      quota: { requestsPerMinute: 20, maxStreams: 10, cacheShare: 0.5 },
      clusters: fleet(2, 0),
    });
    // Twelve probes a minute exceed ten; polling: 2 x 4 pages + 2 probes = 10 a round.
    expect(plan).toMatchObject({ mode: 'poll', intervalSeconds: 60 });
    expect(plan.requestsPerMinute).toBeLessThanOrEqual(10);
  });

  it('never polls faster than the watched clusters are probed', () => {
    const plan = planGatewayAccess({
      gateway: 'tiny',
      quota: { requestsPerMinute: 2400, maxStreams: 0, cacheShare: 0.5 },
      clusters: fleet(1, 0),
    });
    expect(plan).toMatchObject({ mode: 'poll', intervalSeconds: 10 });
  });

  it('describes the plan in one line with the figures operators check', () => {
    const line = describeGatewayPlan(
      planGatewayAccess({
        gateway: 'fleet-prod',
        quota: GOOGLE_QUOTA,
        clusters: fleet(50, 2000),
      }),
    );
    expect(line).toContain('Connect gateway fleet-prod: poll every 38 s');
    expect(line).toContain('1184 of 1200 requests/min, 0 streams');
    expect(line).toContain('50 clusters: gke-0, gke-1');
  });
});
