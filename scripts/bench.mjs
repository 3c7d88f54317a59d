// The benchmark: our component view against the stock Kubernetes backend, side by side in one
// backend (packages/bench-backend) on the same simulated fleet, plus growth with the fleet,
// freshness, memory, the floors and the browser. Writes docs/performance.md's results and
// docs/performance.json. Figures, never assertions: see docs/performance.md for how to read them.
//
//   npm run bench                         # the full run (about 30 min on 2 cores)
//   node scripts/bench.mjs --smoke        # seconds-scale, for CI; writes nothing under docs/
//   node scripts/bench.mjs --clusters 12 --apps 2000 --growth 1,4,12,48 --requests 200
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  openBrowser,
  timeLoads,
  componentTabComplete,
  fleetPageComplete,
} from './bench/browser.mjs';
import { bareHttpFloor, stringifyFloor } from './bench/floors.mjs';
import { clustersOf, countCachedObjects, setFaults } from './bench/fleet.mjs';
import { measureFreshness } from './bench/freshness.mjs';
import {
  appName,
  backendMemory,
  componentName,
  getJson,
  oursUrl,
  signIn,
  startPortal,
  waitWarm,
} from './bench/portal.mjs';
import { summarise, table, writeDocs } from './bench/report.mjs';
import { concurrent, log, sequential, sleep } from './bench/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    clusters: { type: 'string' },
    apps: { type: 'string' },
    growth: { type: 'string' },
    requests: { type: 'string' },
    'faulted-stock-requests': { type: 'string' },
    'growth-stock-requests': { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string' },
    loads: { type: 'string' },
    changes: { type: 'string' },
    browser: { type: 'boolean', default: true },
    'no-browser': { type: 'boolean', default: false },
    port: { type: 'string', default: '7207' },
    'warm-timeout': { type: 'string', default: '900' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log(`usage: node scripts/bench.mjs [--smoke] [--clusters 12] [--apps 2000] [--growth 1,4,12,48] [--requests 200]
  [--faulted-stock-requests 200] [--growth-stock-requests 50] [--concurrency 16] [--seconds 5] [--loads 10]
  [--changes 50] [--no-browser] [--port 7207]`);
  process.exit(0);
}
const smoke = opts.smoke;
const clusters = Number(opts.clusters ?? (smoke ? 2 : 12));
const cfg = {
  clusters,
  apps: Number(opts.apps ?? (smoke ? 50 : 2000)),
  growth: [
    ...new Set([
      ...(opts.growth ?? (smoke ? '1,2' : '1,4,12,48')).split(',').map(Number),
      clusters,
    ]),
  ].sort((a, b) => a - b),
  requests: Number(opts.requests ?? (smoke ? 20 : 200)),
  faultedStockRequests: Number(
    opts['faulted-stock-requests'] ?? (smoke ? 5 : 200),
  ),
  growthStockRequests: Number(
    opts['growth-stock-requests'] ?? (smoke ? 5 : 50),
  ),
  concurrency: Number(opts.concurrency),
  seconds: Number(opts.seconds ?? (smoke ? 1 : 5)),
  loads: Number(opts.loads ?? (smoke ? 2 : 10)),
  changes: Number(opts.changes ?? (smoke ? 4 : 50)),
  browser: opts.browser && !opts['no-browser'],
  port: Number(opts.port),
  warmTimeoutMs: Number(opts['warm-timeout']) * 1000,
};
// The fleet page's cluster table shows this many rows a page (plugins/skip ClusterTable).
const FLEET_PAGE_SIZE = 30;
const command = `node scripts/bench.mjs ${process.argv
  .slice(2)
  .join(' ')}`.trim();

/** One portal at one fleet size: the shared measurements, and the full set at the main size. */
async function measureAt(userClusters, scratch) {
  log(`--- ${userClusters} user clusters × ${cfg.apps} apps`);
  const portal = await startPortal({
    root,
    scratch,
    port: cfg.port,
    clusters: userClusters,
    apps: cfg.apps,
  });
  let browser;
  try {
    const { baseUrl, simConfig } = portal;
    const guest = await signIn(baseUrl, 'guest');
    const pia = await signIn(baseUrl, 'pia');
    const warmSeconds = await waitWarm({
      baseUrl,
      token: guest,
      clusters: userClusters,
      timeoutMs: cfg.warmTimeoutMs,
    });
    await sleep(2000); // let the last watch events and their summaries settle before the heap is read
    const memory = await backendMemory(baseUrl);
    const objects = await countCachedObjects(simConfig);
    log(
      `warm after ${warmSeconds.toFixed(0)} s; heap ${(
        memory.heapUsed /
        2 ** 20
      ).toFixed(0)} MiB for ${objects} objects`,
    );

    const entity = (
      await getJson(
        `${baseUrl}/api/catalog/entities/by-name/component/default/${componentName}`,
        pia,
      )
    ).body;
    const ours = token => () =>
      fetch(oursUrl(baseUrl), {
        headers: { Authorization: `Bearer ${token}` },
      });
    const stock = () =>
      fetch(`${baseUrl}/api/kubernetes/services/${componentName}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${pia}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify({ entity }),
      });
    // Unmeasured: JIT, connections, and proof that both plugins find the app.
    for (let i = 0; i < 5; i++) await (await ours(pia)()).arrayBuffer();
    const stockAnswer = await (await stock()).json();
    const stockFound = stockAnswer.items.filter(c =>
      c.resources.some(r => r.resources.length > 0),
    ).length;
    if (stockFound < userClusters)
      throw new Error(
        `the stock plugin found the app on ${stockFound} of ${userClusters} clusters: ${JSON.stringify(
          stockAnswer,
        ).slice(0, 500)}`,
      );
    const isMain = userClusters === cfg.clusters;
    const isLargest = userClusters === cfg.growth[cfg.growth.length - 1];

    log('ours, sequential');
    const oursLatency = await sequential(ours(pia), cfg.requests);
    log('stock, sequential');
    const stockLatency = await sequential(
      stock,
      isMain ? cfg.requests : cfg.growthStockRequests,
    );
    const point = {
      clusters: userClusters,
      objects,
      memory,
      ours: oursLatency,
      stock: stockLatency,
    };
    const userNames = simConfig.skip.clusters
      .filter(c => c.role === 'user')
      .map(c => c.name);
    if (cfg.browser && (isMain || isLargest))
      browser = await openBrowser(baseUrl);
    if (isLargest && browser) {
      log('browser, fleet page');
      point.fleetPage = await timeLoads(
        browser.page,
        `${baseUrl}/skip`,
        fleetPageComplete,
        { clusters: userNames, pageSize: FLEET_PAGE_SIZE },
        cfg.loads,
      );
    }
    if (!isMain) return { point };

    const answer = await getJson(oursUrl(baseUrl), pia);
    const main = {
      configuredClusters: simConfig.skip.clusters.length,
      objects,
      memory,
      warmSeconds,
      startSeconds: portal.startSeconds,
      answer: {
        items: answer.body.items.length,
        bytes: Buffer.byteLength(answer.text),
      },
      stockAnswerBytes: Buffer.byteLength(JSON.stringify(stockAnswer)),
      healthy: {
        ours: { latency: oursLatency },
        stock: { latency: stockLatency },
        oursAsDeveloper: {
          latency: await sequential(ours(guest), cfg.requests),
        },
      },
    };
    log('throughput');
    main.healthy.ours.throughput = await concurrent(
      ours(pia),
      cfg.concurrency,
      cfg.seconds,
    );
    main.healthy.stock.throughput = await concurrent(
      stock,
      cfg.concurrency,
      cfg.seconds,
    );
    log('floors');
    main.floors = {
      stringify: stringifyFloor(answer.body, cfg.requests),
      bareHttp: await bareHttpFloor(answer.text, cfg.requests, scratch),
    };
    if (browser) {
      log('browser, component tab');
      const tab = `${baseUrl}/catalog/default/component/${componentName}/skip`;
      main.browser = {
        componentTab: await timeLoads(
          browser.page,
          tab,
          componentTabComplete,
          { app: appName, clusters: userNames },
          cfg.loads,
        ),
      };
    }
    log('freshness');
    main.freshness = await measureFreshness({
      baseUrl,
      token: pia,
      page: browser?.page,
      clusters: clustersOf(simConfig),
      simConfig,
      changes: cfg.changes,
    });

    const [slow, down] = userNames.slice(-2);
    log(`faults: ${slow} answers after 2 s, ${down} is down`);
    await setFaults(portal.controlUrl, slow, { latencyMs: 2000 });
    await setFaults(portal.controlUrl, down, { down: true });
    await waitUntilUnreachable(baseUrl, pia, down);
    main.faulted = {
      slow,
      down,
      ours: {
        latency: await sequential(ours(pia), cfg.requests),
        throughput: await concurrent(ours(pia), cfg.concurrency, cfg.seconds),
      },
      stock: {
        latency: await sequential(stock, cfg.faultedStockRequests),
        throughput: await concurrent(stock, cfg.concurrency, cfg.seconds),
      },
    };
    return { point, main };
  } finally {
    await browser?.browser.close();
    await portal.stop();
  }
}

// Our cache notices a cluster that went away at its next liveness probe; measuring before that would
// time a fleet that is not yet degraded for us.
async function waitUntilUnreachable(baseUrl, token, cluster) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const { body } = await getJson(`${baseUrl}/api/skip-fleet/clusters`, token);
    if (
      body?.items.find(c => c.metadata.name === cluster)?.freshness
        .reachability === 'unreachable'
    )
      return;
    await sleep(500);
  }
  log(
    `${cluster} still not unreachable for the cache after 90 s; measuring anyway`,
  );
}

function ensureAppBuilt() {
  if (
    !cfg.browser ||
    existsSync(path.join(root, 'packages/app/dist/index.html'))
  )
    return;
  log('building the app for the browser measurements');
  execFileSync('npx', ['backstage-cli', 'package', 'build'], {
    cwd: path.join(root, 'packages/app'),
    stdio: 'inherit',
  });
}

async function main() {
  ensureAppBuilt();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'skip-bench-'));
  try {
    const growth = [];
    let main;
    let fleetPage;
    for (const n of cfg.growth) {
      const result = await measureAt(n, scratch);
      growth.push({
        clusters: n,
        objects: result.point.objects,
        memory: result.point.memory,
        ours: result.point.ours,
        stock: result.point.stock,
      });
      if (result.main) main = result.main;
      if (result.point.fleetPage)
        fleetPage = { clusters: n, load: result.point.fleetPage };
    }
    const r = {
      date: new Date().toISOString(),
      command,
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      clusters: cfg.clusters,
      appsPerCluster: cfg.apps,
      requests: cfg.requests,
      concurrency: cfg.concurrency,
      main,
      growth,
      fleetPage,
    };
    const s = summarise(r);
    console.log(table(r, s));
    if (!smoke) {
      writeDocs(
        {
          markdownFile: path.join(root, 'docs/performance.md'),
          jsonFile: path.join(root, 'docs/performance.json'),
        },
        r,
        s,
      );
      log('wrote docs/performance.md and docs/performance.json');
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
