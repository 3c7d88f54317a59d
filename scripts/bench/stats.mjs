// Percentiles and the two load shapes every measurement uses: sequential requests (latency) and a
// fixed number of concurrent clients for a fixed time (throughput).

export function percentile(sorted, p) {
  return sorted[
    Math.min(
      sorted.length - 1,
      Math.max(0, Math.ceil((p / 100) * sorted.length) - 1),
    )
  ];
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
  };
}

/** Times `count` calls of `request` one after another (ms); every answer must be ok. */
export async function sequential(request, count) {
  const samples = [];
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const res = await request();
    const body = await res.arrayBuffer();
    samples.push(performance.now() - t0);
    if (!res.ok)
      throw new Error(
        `request ${i} failed: ${res.status} ${Buffer.from(body)
          .toString()
          .slice(0, 300)}`,
      );
  }
  return stats(samples);
}

/** `clients` loops calling `request` for `seconds`; requests per second and failures. */
export async function concurrent(request, clients, seconds) {
  let done = 0;
  let failed = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const res = await request();
        await res.arrayBuffer();
        if (res.ok) done++;
        else failed++;
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  return {
    clients,
    requests: done,
    failed,
    seconds: elapsed,
    perSecond: done / elapsed,
  };
}

export const sleep = ms => new Promise(r => setTimeout(r, ms));
export const log = msg => process.stderr.write(`[bench] ${msg}\n`);
