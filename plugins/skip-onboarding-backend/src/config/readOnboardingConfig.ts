import type { Config } from '@backstage/config';
import { SkipConfigError } from '@internal/plugin-skip-node';
import { OnboardingConfig, onboardingConfigSchema } from './onboardingConfig';

/** Reads and validates `skip.onboarding`; a wrong value stops start-up naming the key. */
export function readOnboardingConfig(config: Config): OnboardingConfig {
  const result = onboardingConfigSchema.safeParse(
    config.getOptional('skip.onboarding') ?? {},
  );
  if (!result.success) {
    const problems = result.error.issues.map(issue => {
      const key = issue.path.reduce<string>(
        (k, part) =>
          typeof part === 'number' ? `${k}[${part}]` : `${k}.${String(part)}`,
        'skip.onboarding',
      );
      return `${key}: ${issue.message}`;
    });
    throw new SkipConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return result.data;
}
