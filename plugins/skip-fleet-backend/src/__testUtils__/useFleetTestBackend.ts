import { fleetRestorer } from './restoreFleet';
import {
  FleetTestBackend,
  startFleetTestBackend,
} from './startFleetTestBackend';

/**
 * The fleet test backend for the tests of the describe block that calls this: started
 * before them and settled (matrikkel-api's apps joined with Argo CD), stopped after them.
 * What a test changes in the simulated fleet through `fleet` is restored after that test.
 */
export function useFleetTestBackend() {
  let started: FleetTestBackend | undefined;
  const backend = () => {
    if (!started) throw new Error('The fleet test backend has not started');
    return started;
  };
  const fleet = fleetRestorer(() => backend().sim);

  beforeAll(async () => {
    started = await startFleetTestBackend();
    await started.joinedApps();
  });
  afterEach(() => fleet.restore());
  afterAll(() => started?.stop());

  return { backend, fleet };
}
