// Turns one run's figures into the table in docs/performance.md (between the results markers; the
// rest of that file is prose kept by hand) and docs/performance.json.
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

const ms = n =>
  n === undefined ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(0);
const x = n =>
  n === undefined || !Number.isFinite(n)
    ? 'n/a'
    : `${n >= 100 ? n.toFixed(0) : n.toFixed(1)}×`;
const pp = s => (s ? `${ms(s.p50)} / ${ms(s.p95)} ms` : 'n/a');
const verdict = (ok, target) =>
  ok === undefined ? '' : `${ok ? 'met' : 'missed'} (target ${target})`;

export function summarise(r) {
  const m = r.main;
  const ratio = (a, b) => (a && b ? a / b : undefined);
  const byClusters = Object.fromEntries(r.growth.map(g => [g.clusters, g]));
  const smallest = r.growth[0];
  const largest = r.growth[r.growth.length - 1];
  const perObject = (a, b) =>
    a && b && b.objects > a.objects
      ? (b.memory.heapUsed - a.memory.heapUsed) / (b.objects - a.objects)
      : undefined;
  return {
    healthyP95Ratio: ratio(
      m.healthy.stock.latency.p95,
      m.healthy.ours.latency.p95,
    ),
    healthyP50Ratio: ratio(
      m.healthy.stock.latency.p50,
      m.healthy.ours.latency.p50,
    ),
    healthyThroughputRatio: ratio(
      m.healthy.ours.throughput.perSecond,
      m.healthy.stock.throughput.perSecond,
    ),
    faultedP95Ratio: ratio(
      m.faulted?.stock.latency.p95,
      m.faulted?.ours.latency.p95,
    ),
    faultedThroughputRatio: ratio(
      m.faulted?.ours.throughput.perSecond,
      m.faulted?.stock.throughput.perSecond,
    ),
    p50OverBareHttp: ratio(m.healthy.ours.latency.p50, m.floors.bareHttp.p50),
    developerP50OverBareHttp: ratio(
      m.healthy.oursAsDeveloper.latency.p50,
      m.floors.bareHttp.p50,
    ),
    p50OverStringify: ratio(m.healthy.ours.latency.p50, m.floors.stringify.p50),
    growthP95Ratio: ratio(largest.ours.p95, smallest.ours.p95),
    growthFrom: smallest.clusters,
    growthTo: largest.clusters,
    bytesPerObjectMarginal: perObject(
      byClusters[smallest.clusters],
      byClusters[r.clusters],
    ),
    bytesPerObjectMarginalLargest: perObject(byClusters[r.clusters], largest),
    bytesPerObjectTotal: m.memory.heapUsed / m.objects,
  };
}

export function table(r, s) {
  const m = r.main;
  const rows = [
    [
      'Fleet',
      `${r.clusters} user clusters × ${r.appsPerCluster} apps (${m.configuredClusters} clusters incl. admin), ${m.objects} objects cached`,
    ],
    [
      'Component view answer (ours / stock)',
      `${m.answer.items} apps, ${(m.answer.bytes / 1024).toFixed(1)} KiB / ${(
        m.stockAnswerBytes / 1024
      ).toFixed(1)} KiB`,
    ],
    [
      `Healthy p50 / p95, ours (${r.requests} sequential, platform user)`,
      pp(m.healthy.ours.latency),
    ],
    [
      `Healthy p50 / p95, stock (${r.requests} sequential, same user)`,
      pp(m.healthy.stock.latency),
    ],
    [
      'Healthy p95 ratio',
      `${x(s.healthyP95Ratio)} ${verdict(s.healthyP95Ratio >= 50, '≥ 50×')}`,
    ],
    [
      'Healthy p50 / p95, ours as a product developer',
      pp(m.healthy.oursAsDeveloper.latency),
    ],
    [
      `Throughput at ${r.concurrency} clients, ours / stock`,
      `${m.healthy.ours.throughput.perSecond.toFixed(
        0,
      )} / ${m.healthy.stock.throughput.perSecond.toFixed(1)} req/s (${x(
        s.healthyThroughputRatio,
      )})`,
    ],
  ];
  if (m.faulted) {
    rows.push(
      [
        `One cluster 2 s slow, one down: p50 / p95, ours (${m.faulted.ours.latency.n})`,
        pp(m.faulted.ours.latency),
      ],
      [
        `One cluster 2 s slow, one down: p50 / p95, stock (${m.faulted.stock.latency.n})`,
        pp(m.faulted.stock.latency),
      ],
      [
        'Slow and down p95 ratio',
        `${x(s.faultedP95Ratio)} ${verdict(
          s.faultedP95Ratio >= 500,
          '≥ 500×',
        )}`,
      ],
      [
        'Slow and down throughput, ours / stock',
        `${m.faulted.ours.throughput.perSecond.toFixed(
          0,
        )} / ${m.faulted.stock.throughput.perSecond.toFixed(1)} req/s (${x(
          s.faultedThroughputRatio,
        )})`,
      ],
    );
  }
  rows.push(
    [
      'Floors p50: JSON.stringify in process / bare HTTP on loopback',
      `${m.floors.stringify.p50.toFixed(3)} / ${ms(m.floors.bareHttp.p50)} ms`,
    ],
    [
      'Our p50 over the bare-HTTP floor (platform user / developer)',
      `${x(s.p50OverBareHttp)} / ${x(s.developerP50OverBareHttp)} ${verdict(
        s.p50OverBareHttp <= 3,
        '≤ 3×',
      )}`,
    ],
    [
      'Our p95 by user clusters',
      r.growth.map(g => `${g.clusters}: ${ms(g.ours.p95)} ms`).join(', '),
    ],
    [
      'Stock p95 by user clusters',
      r.growth.map(g => `${g.clusters}: ${ms(g.stock.p95)} ms`).join(', '),
    ],
    [
      `Growth: our p95 at ${s.growthTo} / at ${s.growthFrom}`,
      `${x(s.growthP95Ratio)} ${verdict(s.growthP95Ratio <= 1.5, '≤ 1.5×')}`,
    ],
  );
  if (m.freshness) {
    rows.push(
      [
        `Freshness p50 / p95 to our API (${m.freshness.changes} changes)`,
        pp(m.freshness.api),
      ],
      [
        'Freshness p50 / p95 to an open page (push channel)',
        `${pp(m.freshness.page)} ${verdict(
          m.freshness.page ? m.freshness.page.p95 < 1000 : undefined,
          '< 1 s',
        )}`,
      ],
    );
  }
  rows.push(
    [
      'Backend heap after GC / RSS, cache warm',
      `${(m.memory.heapUsed / 2 ** 20).toFixed(0)} / ${(
        m.memory.rss /
        2 ** 20
      ).toFixed(0)} MiB`,
    ],
    [
      `Heap per cached object (marginal, ${s.growthFrom} → ${r.clusters} clusters)`,
      `${s.bytesPerObjectMarginal?.toFixed(0) ?? 'n/a'} B ${verdict(
        s.bytesPerObjectMarginal === undefined
          ? undefined
          : s.bytesPerObjectMarginal <= 2048,
        '≤ 2 KB',
      )}`,
    ],
    [
      `Heap per cached object (marginal, ${r.clusters} → ${s.growthTo} clusters)`,
      `${s.bytesPerObjectMarginalLargest?.toFixed(0) ?? 'n/a'} B`,
    ],
    [
      'Whole heap / cached objects (an upper bound)',
      `${s.bytesPerObjectTotal.toFixed(0)} B`,
    ],
  );
  if (m.browser) {
    rows.push([
      `Browser: component tab complete, p50 / p95 (${m.browser.componentTab.n} loads)`,
      `${pp(m.browser.componentTab)} ${verdict(
        m.browser.componentTab.p50 < 1000,
        '< 1 s',
      )}`,
    ]);
  }
  if (r.fleetPage) {
    rows.push([
      `Browser: fleet page complete with ${r.fleetPage.clusters} user clusters, p50 / p95`,
      `${pp(r.fleetPage.load)} ${verdict(
        r.fleetPage.load.p50 < 1500,
        '< 1.5 s',
      )}`,
    ]);
  }
  rows.push([
    'Time to warm cache',
    `${m.warmSeconds.toFixed(
      0,
    )} s after the portal answered (${m.startSeconds.toFixed(0)} s to start)`,
  ]);
  return [
    '| Measure | Value |',
    '| --- | --- |',
    ...rows.map(([k, v]) => `| ${k} | ${v.trim()} |`),
  ].join('\n');
}

export function writeDocs({ markdownFile, jsonFile }, r, s) {
  writeFileSync(jsonFile, `${JSON.stringify({ ...r, summary: s }, null, 2)}\n`);
  const doc = readFileSync(markdownFile, 'utf8');
  const start = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (start < 0 || end < start)
    throw new Error(`${markdownFile} has no ${START} … ${END} block`);
  const block = [
    START,
    `Measured ${r.date} on a machine with ${r.cores} CPU cores (${r.cpuModel}), ${r.memoryGiB} GiB RAM, Node ${r.node}.`,
    '',
    `Command: \`${r.command}\``,
    '',
    table(r, s),
    '',
    END,
  ].join('\n');
  writeFileSync(
    markdownFile,
    doc.slice(0, start) + block + doc.slice(end + END.length),
  );
}
