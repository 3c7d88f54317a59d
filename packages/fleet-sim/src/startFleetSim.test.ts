import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startFleetSim } from './startFleetSim';

describe('startFleetSim', () => {
  it('starts the demo scenario and writes an app-config naming every cluster it serves', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fleet-sim-start-'));
    const sim = await startFleetSim({ scenario: 'demo', dir });
    try {
      const config = parse(await readFile(sim.appConfigPath, 'utf8'));
      const configured = config.kubernetes.clusterLocatorMethods[0].clusters.map((c: { name: string; url: string }) => [c.name, c.url]);
      expect(configured).toEqual([...sim.clusters.values()].map(c => [c.name, c.url]));
      expect(config.skip.clusters.map((c: { name: string }) => c.name).sort()).toEqual([...sim.clusters.keys()].sort());
      const seeded = [...sim.clusters.values()].some(c => c.store.list('skiperator.kartverket.no/v1alpha1', 'Application').length > 0);
      expect(seeded).toBe(true);
    } finally {
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
