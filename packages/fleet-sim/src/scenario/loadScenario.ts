import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';
import { generateScaleScenario } from './generateScaleScenario';
import { Scenario, scenarioSchema } from './scenarioSchema';

/** Where the built-in scenario files live. */
export const SCENARIOS_DIR = resolve(dirname(require.resolve('@internal/fleet-sim/package.json')), 'scenarios');

/** Validates a parsed scenario; the error names the offending field, e.g. `apps.3.namespace: ...`. */
export function parseScenario(raw: unknown, source = 'scenario'): Scenario {
  const result = scenarioSchema.safeParse(raw);
  if (result.success) return result.data;
  const problems = result.error.issues.map(i => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`Invalid ${source}: ${problems.join('; ')}`);
}

/**
 * Loads a scenario: 'demo' (scenarios/demo.yaml), 'scale' (12 clusters x 2,000 apps; 'scale:<clusters>x<apps>'
 * for another size) or a path to a YAML file.
 */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  const scale = /^scale(?::(\d+)x(\d+))?$/.exec(nameOrPath);
  if (scale) {
    return generateScaleScenario({
      clusters: scale[1] ? Number(scale[1]) : 12,
      appsPerCluster: scale[2] ? Number(scale[2]) : 2000,
    });
  }
  const file = nameOrPath === 'demo' ? resolve(SCENARIOS_DIR, 'demo.yaml') : resolve(nameOrPath);
  const text = await readFile(file, 'utf8');
  return parseScenario(parse(text), file);
}
