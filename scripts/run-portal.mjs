// Runs the portal on the embedded default: the fleet simulator (demo scenario unless
// --scenario says otherwise), then the backend with the simulator's cluster config, which
// also serves the built app. Prints the URL when the portal answers.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const scenario = args.includes('--scenario')
  ? args[args.indexOf('--scenario') + 1]
  : 'demo';
if (!scenario || scenario.startsWith('--')) {
  console.error(
    'usage: start.sh [--scenario demo|scale|scale:<clusters>x<apps>|<file.yaml>]',
  );
  process.exit(2);
}
const port = Number(process.env.PORT ?? 7007);
const simDir = process.env.SKIP_SIM_DIR ?? path.join(root, '.skip-run', 'sim');
const children = [];

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function startSim() {
  return new Promise((resolve, reject) => {
    const sim = spawn(
      path.join(root, 'packages/fleet-sim/bin/fleet-sim'),
      ['--scenario', scenario, '--dir', simDir],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.push(sim);
    sim.on('exit', code => {
      reject(new Error(`fleet simulator exited with ${code}`));
      // After start-up too: a portal without its clusters would only mislead.
      console.error(`fleet simulator exited with ${code}; stopping the portal`);
      stopAll(1);
    });
    createInterface({ input: sim.stdout }).on('line', line => {
      if (line.startsWith('{')) {
        try {
          resolve(JSON.parse(line));
          return;
        } catch {
          // not the ready line
        }
      }
      process.stdout.write(`[fleet-sim] ${line}\n`);
    });
  });
}

async function waitForBackend(url, backend) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (backend.exitCode !== null)
      throw new Error(`backend exited with ${backend.exitCode}`);
    try {
      const res = await fetch(`${url}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error('backend did not become ready in 180 s');
}

// The benchmark runs its own backend (packages/bench-backend), which adds the stock Kubernetes
// backend it compares against. Only these two, and the benchmark's says so loudly: its proxy
// passes every SKIP permission check (docs/security.md). start.sh clears the variable.
const backendPackage = process.env.SKIP_BACKEND_PACKAGE ?? 'packages/backend';
if (!['packages/backend', 'packages/bench-backend'].includes(backendPackage)) {
  console.error(
    `SKIP_BACKEND_PACKAGE must be packages/backend or packages/bench-backend, not ${backendPackage}`,
  );
  process.exit(2);
}
if (backendPackage !== 'packages/backend') {
  console.error(
    `\n*** ${backendPackage}: the BENCHMARK backend, with the stock Kubernetes proxy. Never for real use. ***\n`,
  );
}

const sim = await startSim();
console.log(
  `fleet simulator ready: kubeconfig ${sim.kubeconfig}, control ${sim.controlUrl}`,
);
const url = `http://localhost:${port}`;
// The backend runs as the CLI's dev runner would start it (TypeScript through Backstage's node
// transform), but without its file watcher, so a failed start-up ends this command too.
const require = createRequire(import.meta.url);
const backend = spawn(
  process.execPath,
  [
    '--enable-source-maps',
    '--require',
    require.resolve('@backstage/cli-node/config/nodeTransform.cjs'),
    'src/index.ts',
    '--config',
    '../../app-config.yaml',
    '--config',
    sim.appConfig,
    ...(process.env.SKIP_EXTRA_CONFIG
      ? ['--config', process.env.SKIP_EXTRA_CONFIG]
      : []),
  ],
  {
    cwd: path.join(root, backendPackage),
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      FLEET_SIM_CONTROL_URL: sim.controlUrl,
    },
  },
);
children.push(backend);
backend.on('exit', code => stopAll(code ?? 1));
await waitForBackend(url, backend);
console.log(
  `\nSKIP Portal is running at ${url} (sign in as guest; Ctrl-C stops it)\n`,
);
