import { z } from 'zod';

/** The promotion order every change follows: sandbox first, prod last. */
export const ENVIRONMENTS = ['sandbox', 'dev', 'test', 'prod'] as const;

/** Environment of a cluster. */
export const environmentSchema = z.enum(ENVIRONMENTS);
export type Environment = z.infer<typeof environmentSchema>;

/** Position of an environment in the promotion order (sandbox = 0). */
export function environmentRank(environment: Environment): number {
  return ENVIRONMENTS.indexOf(environment);
}

/** Sorts anything with an environment into promotion order, stable within one environment. */
export function byPromotionOrder<T extends { environment: Environment }>(
  a: T,
  b: T,
): number {
  return environmentRank(a.environment) - environmentRank(b.environment);
}
