import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFleetSim } from '../startFleetSim';

const USAGE = 'usage: fleet-sim [--scenario demo|scale|<file.yaml>] [--dir .skip-run/sim] [--control-port N] [--history-window-ms N] [--watch-lifetime-ms N]';

function nonNegativeInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number of milliseconds\n${USAGE}`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'demo' },
      dir: { type: 'string', default: '.skip-run/sim' },
      'control-port': { type: 'string' },
      'history-window-ms': { type: 'string' },
      'watch-lifetime-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const controlPort = values['control-port'] === undefined ? undefined : Number(values['control-port']);
  if (controlPort !== undefined && !(Number.isInteger(controlPort) && controlPort >= 0 && controlPort < 65536)) {
    throw new Error(`--control-port must be a port number\n${USAGE}`);
  }
  const windowMs = nonNegativeInt('history-window-ms', values['history-window-ms']);
  const sim = await startFleetSim({
    scenario: values.scenario!,
    dir: resolve(values.dir!),
    controlPort,
    watchHistory: windowMs === undefined ? undefined : { windowMs },
    watchLifetimeMs: nonNegativeInt('watch-lifetime-ms', values['watch-lifetime-ms']),
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await sim.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  // The portal's start command waits for exactly this one line.
  process.stdout.write(
    `${JSON.stringify({
      kubeconfig: sim.kubeconfigPath,
      appConfig: sim.appConfigPath,
      controlUrl: sim.controlUrl,
      clusters: [...sim.clusters.values()].map(c => ({ name: c.name, url: c.url })),
    })}\n`,
  );
}

main().catch(error => {
  process.stderr.write(`fleet-sim: ${(error as Error)?.stack ?? error}\n`);
  process.exit(1);
});
