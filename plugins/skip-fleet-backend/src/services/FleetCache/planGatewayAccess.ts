/** What a Connect gateway allows one fleet host project, and what of it the cache may use. */
export type GatewayQuota = {
  requestsPerMinute: number;
  /** Streams (watches) open at once. */
  maxStreams: number;
  /** The share of requestsPerMinute the cache may use; on-demand calls get the rest. */
  cacheShare: number;
};

/** One cluster behind the gateway: how many pages one list of each kind it reads takes. */
export type GatewayClusterLoad = {
  cluster: string;
  /** One entry per kind: ceil(objects / pageSize), at least 1 (an empty list is one request). */
  pagesPerList: ReadonlyArray<number>;
};

type PlanFigures = {
  gateway: string;
  clusters: string[];
  /** cacheShare x requestsPerMinute. */
  budgetPerMinute: number;
  /** What the cache asks of the gateway in steady state, at most budgetPerMinute. */
  requestsPerMinute: number;
  streams: number;
};

/** Every kind is watched: one stream per kind per cluster, changes pushed as they happen. */
export type WatchPlan = PlanFigures & { mode: 'watch' };

/** Every kind is listed (paged) every interval and diffed; no streams. */
export type PollPlan = PlanFigures & {
  mode: 'poll';
  /** Seconds from the end of one list of a kind to the start of the next. */
  intervalSeconds: number;
  /** Requests in one round: every page of every list, plus one GET /version per cluster. */
  requestsPerRound: number;
  /** A change is seen at most this long after it happened: interval + list time. */
  worstFreshnessSeconds: number;
  /** On average: half of that. */
  meanFreshnessSeconds: number;
};

export type GatewayPlan = WatchPlan | PollPlan;

/** The scheduled liveness probe asks every watched cluster's /version this often. */
export const WATCH_PROBE_SECONDS = 10;
/** Servers end a watch after 300 to 600 s (KindInformer asks so); each end costs one request. */
export const SHORTEST_WATCH_SECONDS = 300;
/** Polling faster than the watched clusters' probe would buy freshness nobody sees. */
export const MIN_POLL_INTERVAL_SECONDS = 10;
/** An estimate of one list page's round trip through the gateway, for the freshness figures. */
export const DEFAULT_PAGE_SECONDS = 1;

/**
 * Decides how the cache reads the clusters behind one Connect gateway. Watch when every
 * kind of every cluster gets its own stream within maxStreams and the probes (every
 * {@link WATCH_PROBE_SECONDS}) plus re-watches (at most one per stream per
 * {@link SHORTEST_WATCH_SECONDS}) fit the cache's share of requests. Otherwise poll: list every
 * kind every interval, with one /version per cluster per round instead of the scheduled
 * probe, the interval the shortest whole number of seconds at which a round per interval
 * fits the share. Relists after a watch's history expired and start-up lists are not
 * counted: they are not steady state.
 */
export function planGatewayAccess(options: {
  gateway: string;
  quota: GatewayQuota;
  clusters: ReadonlyArray<GatewayClusterLoad>;
  pageSeconds?: number;
}): GatewayPlan {
  const { gateway, quota, pageSeconds = DEFAULT_PAGE_SECONDS } = options;
  const clusters = options.clusters.map(c => c.cluster);
  const budgetPerMinute = quota.requestsPerMinute * quota.cacheShare;
  const lists = options.clusters.flatMap(c => c.pagesPerList);
  const streams = lists.length;

  const watchRequestsPerMinute =
    (clusters.length * 60) / WATCH_PROBE_SECONDS +
    (streams * 60) / SHORTEST_WATCH_SECONDS;
  if (
    streams <= quota.maxStreams &&
    watchRequestsPerMinute <= budgetPerMinute
  ) {
    return {
      mode: 'watch',
      gateway,
      clusters,
      budgetPerMinute,
      requestsPerMinute: watchRequestsPerMinute,
      streams,
    };
  }

  const pages = lists.reduce((sum, n) => sum + Math.max(1, n), 0);
  const requestsPerRound = pages + clusters.length;
  const intervalSeconds = Math.max(
    MIN_POLL_INTERVAL_SECONDS,
    Math.ceil((requestsPerRound * 60) / budgetPerMinute),
  );
  // Pages of one list follow each other; the kinds and clusters list side by side.
  const listSeconds = Math.max(1, ...lists) * pageSeconds;
  const worstFreshnessSeconds = intervalSeconds + listSeconds;
  return {
    mode: 'poll',
    gateway,
    clusters,
    budgetPerMinute,
    // A round per interval at most: the interval starts when a list ends.
    requestsPerMinute: (requestsPerRound * 60) / intervalSeconds,
    streams: 0,
    intervalSeconds,
    requestsPerRound,
    worstFreshnessSeconds,
    meanFreshnessSeconds: worstFreshnessSeconds / 2,
  };
}

/** The plan as one log line: gateway, clusters, mode, interval, requests per minute, streams. */
export function describeGatewayPlan(plan: GatewayPlan): string {
  const mode =
    plan.mode === 'watch'
      ? 'watch'
      : `poll every ${plan.intervalSeconds} s (${plan.requestsPerRound} requests a round, changes seen within ${plan.worstFreshnessSeconds} s, ${plan.meanFreshnessSeconds} s on average)`;
  return `Connect gateway ${plan.gateway}: ${mode}; ${Math.round(
    plan.requestsPerMinute,
  )} of ${Math.round(plan.budgetPerMinute)} requests/min, ${
    plan.streams
  } streams; ${plan.clusters.length} ${
    plan.clusters.length === 1 ? 'cluster' : 'clusters'
  }: ${plan.clusters.join(', ')}`;
}
