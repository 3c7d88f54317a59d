import type { Config } from '@backstage/config';
import { SkipConfigError } from '@internal/plugin-skip-node';
import { UpgradesConfig, upgradesConfigSchema } from './upgradesConfig';

/** Reads and validates `skip.upgrades`; a wrong value stops start-up naming the key. */
export function readUpgradesConfig(config: Config): UpgradesConfig {
  const result = upgradesConfigSchema.safeParse(
    config.getOptional('skip.upgrades') ?? {},
  );
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const key = issue.path.reduce<string>(
        (k, part) =>
          typeof part === 'number' ? `${k}[${part}]` : `${k}.${String(part)}`,
        'skip.upgrades',
      );
      return `${key}: ${issue.message}`;
    });
    throw new SkipConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const sites = new Set<string>();
  for (const [i, site] of result.data.sites.entries()) {
    if (sites.has(site.name))
      throw new SkipConfigError(
        `Invalid configuration: skip.upgrades.sites[${i}].name: site '${site.name}' is listed twice`,
      );
    sites.add(site.name);
  }
  return result.data;
}
