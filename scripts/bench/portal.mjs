// Starts the simulated fleet and the benchmark's backend (packages/bench-backend: the portal's
// backend plus the stock Kubernetes backend) through scripts/run-portal.mjs, signs users in, and
// waits until our cache is warm.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { log, sleep } from './stats.mjs';

// team01-svc0001 is the first app the scale generator puts on every user cluster.
export const appName = 'team01-svc0001';
export const componentName = 'bench-fleet-component';
export const entityRef = `component:default/${componentName}`;

// The extra config replaces catalog.locations (config arrays do not merge), so it lists the
// repository's own files again, by absolute path, next to the benchmark component. The component
// is annotated for both plugins: ours by app name, the stock one by the label Skiperator sets.
function writeBenchConfig({ root, dir, port }) {
  const component = path.join(dir, 'bench-component.yaml');
  writeFileSync(
    component,
    YAML.stringify({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: componentName,
        annotations: {
          'skip.kartverket.no/skiperator-apps': appName,
          'backstage.io/kubernetes-label-selector': `app=${appName}`,
        },
      },
      spec: {
        type: 'service',
        owner: 'group:default/skip',
        lifecycle: 'experimental',
      },
    }),
  );
  const locations = [
    'catalog-info.yaml',
    'catalog/org.yaml',
    'catalog/demo-components.yaml',
  ].map(f => path.join(root, f));
  const baseUrl = `http://localhost:${port}`;
  const config = path.join(dir, 'app-config.bench.yaml');
  writeFileSync(
    config,
    YAML.stringify({
      backend: { baseUrl, listen: { port } },
      app: { baseUrl },
      catalog: {
        locations: [...locations, component].map(target => ({
          type: 'file',
          target,
        })),
      },
    }),
  );
  return config;
}

// Portals still running when this process ends (a crash, Ctrl-C) go with it.
const running = new Set();
process.on('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => process.exit(130));

/** Starts the portal on `scale:<clusters>x<apps>`; resolves once it answers. */
export async function startPortal({ root, scratch, port, clusters, apps }) {
  const simDir = path.join(root, '.skip-run', `sim-bench-${clusters}`);
  const extraConfig = writeBenchConfig({ root, dir: scratch, port });
  const started = performance.now();
  const child = spawn(
    'node',
    ['scripts/run-portal.mjs', '--scenario', `scale:${clusters}x${apps}`],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        SKIP_SIM_DIR: simDir,
        SKIP_EXTRA_CONFIG: extraConfig,
        SKIP_BACKEND_PACKAGE: 'packages/bench-backend',
        // The memory probe collects garbage before it reads the heap.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, '--expose-gc']
          .filter(Boolean)
          .join(' '),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  running.add(child.pid);
  const tail = [];
  const keep = chunk => {
    tail.push(String(chunk));
    if (tail.length > 40) tail.shift();
  };
  child.stderr.on('data', keep);
  await new Promise((resolve, reject) => {
    child.on('exit', code =>
      reject(
        new Error(`portal exited with ${code}; last output:\n${tail.join('')}`),
      ),
    );
    child.stdout.on('data', chunk => {
      keep(chunk);
      if (String(chunk).includes('SKIP Portal is running at')) resolve();
    });
  });
  const sim = YAML.parse(
    readFileSync(path.join(simDir, 'app-config.sim.yaml'), 'utf8'),
  );
  return {
    baseUrl: `http://localhost:${port}`,
    startSeconds: (performance.now() - started) / 1000,
    controlUrl: readFileSync(path.join(simDir, 'control-url'), 'utf8').trim(),
    simConfig: sim,
    pid: child.pid,
    stop: async () => {
      await stopGroup(child);
      running.delete(child.pid);
    },
  };
}

// SIGTERM to the whole group, then wait for it to empty: the backend can outlive its parent by a
// few seconds, and a leftover would hold the port for the next run.
async function stopGroup(child) {
  const signal = sig => {
    try {
      process.kill(-child.pid, sig);
      return true;
    } catch {
      return false; // the group is empty
    }
  };
  if (!signal('SIGTERM')) return;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    await sleep(250);
    if (!signal(0)) return;
  }
  log('portal did not stop in 15 s; sending SIGKILL');
  signal('SIGKILL');
  await sleep(500);
}

/** A Backstage token: the guest (a product developer) or a local user such as pia (platform team). */
export async function signIn(baseUrl, user) {
  // Right after start-up the catalog may not hold the users yet.
  for (let attempt = 0; ; attempt++) {
    try {
      return await signInOnce(baseUrl, user);
    } catch (error) {
      if (attempt >= 120) throw error;
      await sleep(500);
    }
  }
}

async function signInOnce(baseUrl, user) {
  const url =
    user === 'guest'
      ? `${baseUrl}/api/auth/guest/refresh`
      : `${baseUrl}/api/auth/skipLocalUsers/refresh?env=development`;
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'X-Requested-With': 'XMLHttpRequest',
      ...(user === 'guest' ? {} : { 'x-skip-local-user': user }),
    },
  });
  if (!res.ok)
    throw new Error(
      `sign-in as ${user} failed: ${res.status} ${await res.text()}`,
    );
  return (await res.json()).backstageIdentity.token;
}

export async function getJson(url, token) {
  const res = await fetch(url, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    body: res.ok ? JSON.parse(text) : undefined,
  };
}

export const oursUrl = baseUrl =>
  `${baseUrl}/api/skip-fleet/apps?entityRef=${encodeURIComponent(entityRef)}`;

/**
 * Warm = every configured cluster reachable, the component's answer holds its app from every user
 * cluster, and its size has not changed for 3 polls (pods and Argo CD apps arrive after the apps).
 */
export async function waitWarm({ baseUrl, token, clusters, timeoutMs }) {
  const started = performance.now();
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let lastSize = -1;
  let stableFor = 0;
  while (Date.now() < deadline) {
    const list = await getJson(
      `${baseUrl}/api/skip-fleet/clusters`,
      token,
    ).catch(e => ({ status: 0, text: String(e) }));
    const items = list.body?.items ?? [];
    const reachable = items.filter(
      c => c.freshness.reachability === 'reachable',
    ).length;
    const apps = await getJson(oursUrl(baseUrl), token).catch(e => ({
      status: 0,
      text: String(e),
    }));
    const count = apps.body?.items?.length ?? 0;
    const state = `clusters reachable ${reachable}/${
      items.length
    }, component apps ${
      apps.status === 200 ? count : `HTTP ${apps.status}`
    }/${clusters}`;
    if (state !== last)
      log(`${((performance.now() - started) / 1000).toFixed(1)} s: ${state}`);
    last = state;
    if (items.length > 0 && reachable === items.length && count === clusters) {
      const size = apps.text.length;
      stableFor = size === lastSize ? stableFor + 1 : 0;
      lastSize = size;
      if (stableFor >= 3) return (performance.now() - started) / 1000;
    }
    await sleep(1000);
  }
  throw new Error(`cache not warm after ${timeoutMs / 1000} s (${last})`);
}

/** The bench backend's memory after a full GC (see packages/bench-backend). */
export async function backendMemory(baseUrl) {
  const { body } = await getJson(`${baseUrl}/api/bench-probe/memory`);
  return body;
}
