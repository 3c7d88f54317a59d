import { startSimulatedCluster } from './startSimulatedCluster';

/**
 * The simulated cluster 'a' of {@link startSimulatedCluster} for the tests of the describe
 * block that calls this: started before them, stopped after them.
 */
export function useSimulatedCluster() {
  let started: Awaited<ReturnType<typeof startSimulatedCluster>> | undefined;
  const current = () => {
    if (!started) throw new Error('The simulated cluster has not started');
    return started;
  };

  beforeAll(async () => {
    started = await startSimulatedCluster();
  }, 30_000);
  afterAll(() => started?.stop());

  return { sim: () => current().sim, calls: () => current().calls };
}
