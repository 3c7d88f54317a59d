import type { Config } from '@backstage/config';
import { SkipConfigError } from '@internal/plugin-skip-node';
import path from 'node:path';
import { AccessConfig, accessConfigSchema } from './accessConfig';

/** Reads and validates `skip.access`; a wrong value stops start-up naming the key. */
export function readAccessConfig(config: Config): AccessConfig {
  const result = accessConfigSchema.safeParse(
    config.getOptional('skip.access') ?? {},
  );
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const key = issue.path.reduce<string>(
        (k, part) =>
          typeof part === 'number' ? `${k}[${part}]` : `${k}.${String(part)}`,
        'skip.access',
      );
      return `${key}: ${issue.message}`;
    });
    throw new SkipConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const { rulesFolder } = result.data;
  return {
    ...result.data,
    rulesFolder: rulesFolder ? path.resolve(rulesFolder) : undefined,
  };
}
