/**
 * An upgrade engine in a process of its own, for the restart tests: they SIGKILL it in the
 * middle of a step and start another. Reads SKIP_TEST_ENGINE (JSON: knex config, fleet URL,
 * `skip.upgrades`, owner id); prints "ready" once it ticks.
 */
import knexFactory from 'knex';
import { upgradesConfigSchema } from '../config/upgradesConfig';
import { fleetReaderFor } from './fleetReaderFor';
import { createTestEngine } from './testEngine';

async function main() {
  const spec = JSON.parse(process.env.SKIP_TEST_ENGINE ?? '{}');
  const knex = knexFactory(spec.knexConfig);
  const { engine } = await createTestEngine({
    knex,
    fleet: fleetReaderFor(spec.fleetUrl),
    upgrades: upgradesConfigSchema.parse(spec.upgrades),
    ownerId: spec.ownerId,
  });
  setInterval(() => {
    engine
      .tick()
      .catch(error =>
        process.stderr.write(`tick failed: ${(error as Error).message}\n`),
      );
  }, 100);
  process.stdout.write('ready\n');
}

main().catch(error => {
  process.stderr.write(`engine process failed: ${(error as Error).stack}\n`);
  process.exit(1);
});
