// Measures the latency of the SKIP component view (GET /api/skip-fleet/apps?entityRef=...) on a
// large simulated fleet: starts the portal on the 'scale:<clusters>x<apps>' scenario with one extra
// catalog component whose app exists on every user cluster, waits until the cache is warm, then
// times sequential and concurrent requests against the cost of serialising the same answer.
//
//   node scripts/bench.mjs [--clusters 12 --apps 2000 --requests 200] [--smoke] [--port 7207]
//
// --smoke (2 x 50, 20 requests, 2 s of load) is for CI and writes nothing under docs/.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    clusters: { type: 'string' },
    apps: { type: 'string' },
    requests: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    seconds: { type: 'string' },
    port: { type: 'string', default: '7207' },
    smoke: { type: 'boolean', default: false },
    'warm-timeout': { type: 'string', default: '600' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (opts.help) {
  console.log('usage: node scripts/bench.mjs [--clusters 12 --apps 2000 --requests 200] [--concurrency 16] [--seconds 5] [--port 7207] [--smoke]');
  process.exit(0);
}
const smoke = opts.smoke;
const clusters = Number(opts.clusters ?? (smoke ? 2 : 12));
const appsPerCluster = Number(opts.apps ?? (smoke ? 50 : 2000));
const requests = Number(opts.requests ?? (smoke ? 20 : 200));
const concurrency = Number(opts.concurrency);
const loadSeconds = Number(opts.seconds ?? (smoke ? 2 : 5));
const port = Number(opts.port);
const warmTimeoutMs = Number(opts['warm-timeout']) * 1000;
const baseUrl = `http://localhost:${port}`;
// team01-svc0001 is the first app the scale generator puts on every user cluster.
const appName = 'team01-svc0001';
const componentName = 'bench-fleet-component';
const entityRef = `component:default/${componentName}`;
const command = `node scripts/bench.mjs ${process.argv.slice(2).join(' ')}`.trim();

const log = msg => process.stderr.write(`[bench] ${msg}\n`);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// The extra config replaces catalog.locations (config arrays do not merge), so it lists the
// repository's own files again, by absolute path, next to the benchmark component.
function writeBenchConfig(dir) {
  const component = path.join(dir, 'bench-component.yaml');
  writeFileSync(
    component,
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${componentName}`,
      '  annotations:',
      `    skip.kartverket.no/skiperator-apps: ${appName}`,
      'spec:',
      '  type: service',
      '  owner: group:default/skip',
      '  lifecycle: experimental',
      '',
    ].join('\n'),
  );
  const locations = [
    path.join(root, 'catalog-info.yaml'),
    path.join(root, 'catalog/org.yaml'),
    path.join(root, 'catalog/demo-components.yaml'),
    component,
  ];
  const config = path.join(dir, 'app-config.bench.yaml');
  writeFileSync(
    config,
    [
      'backend:',
      `  baseUrl: ${baseUrl}`,
      '  listen:',
      `    port: ${port}`,
      'app:',
      `  baseUrl: ${baseUrl}`,
      'catalog:',
      '  locations:',
      ...locations.flatMap(l => ['    - type: file', `      target: ${l}`]),
      '',
    ].join('\n'),
  );
  return config;
}

function startPortal(extraConfig) {
  const portal = spawn('node', ['scripts/run-portal.mjs', '--scenario', `scale:${clusters}x${appsPerCluster}`], {
    cwd: root,
    env: { ...process.env, PORT: String(port), SKIP_SIM_DIR: path.join(root, '.skip-run', 'sim-bench'), SKIP_EXTRA_CONFIG: extraConfig },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const tail = [];
  const keep = chunk => {
    tail.push(String(chunk));
    if (tail.length > 40) tail.shift();
  };
  portal.stderr.on('data', keep);
  const ready = new Promise((resolve, reject) => {
    portal.on('exit', code => reject(new Error(`portal exited with ${code}; last output:\n${tail.join('')}`)));
    portal.stdout.on('data', chunk => {
      keep(chunk);
      if (String(chunk).includes('SKIP Portal is running at')) resolve();
    });
  });
  return { portal, ready };
}

// SIGTERM to the whole group, then wait for it to empty: the CLI of `package start` can outlive
// its parent by a few seconds, and a leftover would hold the port for the next run.
async function stopPortal(portal) {
  if (!portal?.pid) return;
  const signal = sig => {
    try {
      process.kill(-portal.pid, sig);
      return true;
    } catch {
      return false; // the group is empty
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await sleep(250);
    if (!signal(0)) return;
  }
  log('portal did not stop in 10 s; sending SIGKILL');
  signal('SIGKILL');
}

async function guestToken() {
  const res = await fetch(`${baseUrl}/api/auth/guest/refresh`, {
    method: 'POST',
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) throw new Error(`guest sign-in failed: ${res.status} ${await res.text()}`);
  return (await res.json()).backstageIdentity.token;
}

async function getJson(url, token) {
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, text, body: res.ok ? JSON.parse(text) : undefined };
}

// Warm = every configured cluster reachable, the component's answer holds its app from every user
// cluster, and its size has not changed for 3 polls.
async function waitWarm(token, startedAt) {
  const deadline = Date.now() + warmTimeoutMs;
  let last = '';
  let lastSize = -1;
  let stableFor = 0;
  while (Date.now() < deadline) {
    const list = await getJson(`${baseUrl}/api/skip-fleet/clusters`, token).catch(e => ({ status: 0, text: String(e) }));
    const items = list.body?.items ?? [];
    const reachable = items.filter(c => c.freshness.reachability === 'reachable').length;
    const apps = await getJson(`${baseUrl}/api/skip-fleet/apps?entityRef=${encodeURIComponent(entityRef)}`, token).catch(e => ({ status: 0, text: String(e) }));
    const count = apps.body?.items?.length ?? 0;
    const state = `clusters reachable ${reachable}/${items.length}, component apps ${apps.status === 200 ? count : `HTTP ${apps.status}`}/${clusters}`;
    if (state !== last) log(`${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${state}`);
    last = state;
    // Apps arrive before the pods and Argo CD apps joined into them, so the answer must also stop changing.
    if (items.length > 0 && reachable === items.length && count === clusters) {
      const size = apps.text.length;
      stableFor = size === lastSize ? stableFor + 1 : 0;
      lastSize = size;
      if (stableFor >= 3) return;
    }
    await sleep(1000);
  }
  throw new Error(`cache not warm after ${warmTimeoutMs / 1000} s (${last})`);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

async function sequential(url, token) {
  const samples = [];
  for (let i = 0; i < requests; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    await res.arrayBuffer();
    samples.push(performance.now() - t0);
    if (!res.ok) throw new Error(`request ${i} failed: ${res.status}`);
  }
  return stats(samples);
}

async function concurrent(url, token) {
  let done = 0;
  let failed = 0;
  const until = performance.now() + loadSeconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
        await res.arrayBuffer();
        if (res.ok) done++;
        else failed++;
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { requests: done, failed, seconds, perSecond: done / seconds };
}

// The floor: what producing this answer's bytes costs without any lookup, in this process.
function serialisationFloor(body) {
  const samples = [];
  for (let i = 0; i < Math.max(requests, 50); i++) {
    const t0 = performance.now();
    JSON.stringify(body);
    samples.push(performance.now() - t0);
  }
  return stats(samples).p50;
}

function descendants(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // process ended while we looked
    }
  }
  const out = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift();
    for (const c of children.get(p) ?? []) {
      out.push(c);
      queue.push(c);
    }
  }
  return out;
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

// The backend is the node process under `backstage-cli package start` with the largest RSS
// (the CLI itself is a thin parent); the simulator is the process running fleetSim.ts.
function memory(portalPid) {
  const procs = descendants(portalPid).flatMap(pid => {
    try {
      return [{ pid, cmd: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '), rss: rssMiB(pid) }];
    } catch {
      return [];
    }
  });
  const sim = procs.filter(p => p.cmd.includes('fleet-sim')).sort((a, b) => b.rss - a.rss)[0];
  const backend = procs
    .filter(p => p.cmd.includes('node') && !p.cmd.includes('fleet-sim') && !p.cmd.includes('run-portal'))
    .sort((a, b) => b.rss - a.rss)[0];
  log(`backend: pid ${backend?.pid} ${backend?.cmd.slice(0, 120)}`);
  return { backendRssMiB: backend?.rss, backendPid: backend?.pid, simRssMiB: sim?.rss };
}

const fmt = n => (n === undefined ? 'n/a' : n.toFixed(2));

function table(r) {
  const rows = [
    ['Fleet', `${r.clusters} user clusters x ${r.appsPerCluster} apps (${r.configuredClusters} clusters incl. admin)`],
    ['Component view answer', `${r.response.items} apps, ${(r.response.bytes / 1024).toFixed(1)} KiB`],
    ['Sequential requests', String(r.requests)],
    ['Latency p50 / p95 / p99 / max', `${fmt(r.latencyMs.p50)} / ${fmt(r.latencyMs.p95)} / ${fmt(r.latencyMs.p99)} / ${fmt(r.latencyMs.max)} ms`],
    ['Throughput', `${r.throughput.perSecond.toFixed(0)} req/s at ${r.concurrency} concurrent clients for ${r.throughput.seconds.toFixed(1)} s (${r.throughput.failed} failed)`],
    ['JSON.stringify of the same answer (p50)', `${r.stringifyP50Ms.toFixed(3)} ms`],
    ['p50 / stringify floor', `${r.p50OverFloor.toFixed(1)}x`],
    ['Backend RSS after load', `${fmt(r.memory.backendRssMiB)} MiB`],
    ['Fleet simulator RSS', `${fmt(r.memory.simRssMiB)} MiB`],
    ['Time to warm cache', `${r.warmSeconds.toFixed(0)} s after the portal answered (${r.startSeconds.toFixed(0)} s to start)`],
  ];
  return ['| Measure | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function markdown(r) {
  return `# Performance

How fast the SKIP tab of a component (the component view, \`GET /api/skip-fleet/apps?entityRef=...\`)
answers on a large fleet. The figures below come from \`scripts/bench.mjs\` on the fleet simulator's
scale scenario; rerun it to refresh them (it rewrites this file and \`docs/performance.json\`).

## How it is measured

- The simulator runs \`scale:${r.clusters}x${r.appsPerCluster}\`: ${r.clusters} user clusters with ${r.appsPerCluster} apps each
  (plus their admin clusters). The app \`${appName}\` exists on every user cluster, and a benchmark
  component annotated \`skip.kartverket.no/skiperator-apps: ${appName}\` is added to the catalog, so its
  view merges one app from every cluster out of ${r.clusters * r.appsPerCluster} cached apps.
- The benchmark waits until every cluster is reachable, the view holds an app from each user cluster
  (the cache reads each cluster's apps in one list call, so by then all ${r.clusters * r.appsPerCluster} are loaded) and
  the answer has not changed size for 3 s (pods and Argo CD apps, joined into it, arrive later).
- It then sends ${r.requests} sequential requests as the guest user (latency percentiles), loads the
  view from ${r.concurrency} concurrent clients for about ${r.throughput.seconds.toFixed(0)} s (throughput), and
  times \`JSON.stringify\` of the same answer in the benchmark process: the serialisation floor,
  which no implementation can beat. Latency includes HTTP, authentication, the permission check
  and the catalog lookup of the component.
- The backend runs in development mode (\`backstage-cli package start\`), as the embedded default does.

## Results

Measured ${r.date} on a machine with ${r.cores} CPU cores (${r.cpuModel}), ${r.memoryGiB} GiB RAM, Node ${r.node}.
The machine was shared with other work, so treat single figures as indicative.

Command: \`${r.command}\`

${table(r)}
${r.note ? `\n${r.note}\n` : ''}
Reading the table: the view looks its apps up by name in the in-memory cache, so its cost should not
grow with the fleet; the answer here holds only ${r.response.items} apps, so serialising it is cheap and most of
the p50 is fixed per-request work (HTTP, token check, permission decision, catalog lookup of the
component). Compare with \`node scripts/bench.mjs --smoke\`, whose fleet is ${Math.round((r.clusters * r.appsPerCluster) / 100)} times smaller.

Raw figures: [performance.json](performance.json). \`node scripts/bench.mjs --smoke\` (2 clusters x 50
apps, 20 requests) checks the benchmark itself in well under a minute, for CI.
`;
}

async function main() {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'skip-bench-'));
  const extraConfig = writeBenchConfig(scratch);
  log(`starting portal on ${baseUrl} with scale:${clusters}x${appsPerCluster}`);
  const started = performance.now();
  const { portal, ready } = startPortal(extraConfig);
  const stop = async () => {
    await stopPortal(portal);
    rmSync(scratch, { recursive: true, force: true });
  };
  process.on('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    await ready;
    const startSeconds = (performance.now() - started) / 1000;
    log(`portal answered after ${startSeconds.toFixed(1)} s; waiting for the cache`);
    const token = await guestToken();
    const warmStart = performance.now();
    await waitWarm(token, Date.now());
    const warmSeconds = (performance.now() - warmStart) / 1000;
    const url = `${baseUrl}/api/skip-fleet/apps?entityRef=${encodeURIComponent(entityRef)}`;
    const sample = await getJson(url, token);
    // A few unmeasured requests so JIT and connection set-up are not in the percentiles.
    for (let i = 0; i < 5; i++) await getJson(url, token);
    log(`measuring ${requests} sequential requests`);
    const latencyMs = await sequential(url, token);
    log(`measuring ${concurrency} concurrent clients for ${loadSeconds} s`);
    const throughput = await concurrent(url, token);
    const stringifyP50Ms = serialisationFloor(sample.body);
    const clusterList = await getJson(`${baseUrl}/api/skip-fleet/clusters`, token);
    const result = {
      date: new Date().toISOString(),
      command,
      cores: os.cpus().length,
      cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      clusters,
      appsPerCluster,
      configuredClusters: clusterList.body.items.length,
      requests,
      concurrency,
      response: { items: sample.body.items.length, bytes: Buffer.byteLength(sample.text) },
      latencyMs,
      throughput,
      stringifyP50Ms,
      p50OverFloor: latencyMs.p50 / stringifyP50Ms,
      memory: memory(portal.pid),
      startSeconds,
      warmSeconds,
    };
    console.log(table(result));
    if (!smoke) {
      if (clusters !== 12 || appsPerCluster !== 2000) {
        result.note = `Note: this run used ${clusters} x ${appsPerCluster}, not the full 12 x 2000 scale scenario.`;
      }
      writeFileSync(path.join(root, 'docs/performance.json'), `${JSON.stringify(result, null, 2)}\n`);
      writeFileSync(path.join(root, 'docs/performance.md'), markdown(result));
      log('wrote docs/performance.json and docs/performance.md');
    }
  } finally {
    await stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    log(`failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
