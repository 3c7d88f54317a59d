import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { describeClusterErrorCategory } from '@internal/plugin-skip-common';
import { classifyClusterError } from './classifyClusterError';

/** Errors already meant for the caller (ours, or thrown by the request on purpose). */
const BACKSTAGE_ERRORS = new Set([
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotModifiedError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/**
 * Turns a failed call to one cluster into the Backstage error the caller should see: 404
 * and 409 as themselves, anything else a 503 naming the cluster and what went wrong in
 * words (see {@link classifyClusterError}); the detail (addresses, accounts) goes to the
 * log only. `what` names the object, e.g. `Deployment team-a/api`.
 */
export function toClusterError(
  cluster: string,
  what: string,
  error: unknown,
  logger: LoggerService,
): Error {
  const name = (error as { name?: unknown })?.name;
  if (typeof name === 'string' && BACKSTAGE_ERRORS.has(name)) {
    return error as Error;
  }
  const { category, status, detail } = classifyClusterError(error);
  if (status === 404) {
    return new NotFoundError(`${what} not found on cluster '${cluster}'`);
  }
  if (status === 409) {
    return new ConflictError(
      `${what} on cluster '${cluster}' changed meanwhile; try again`,
    );
  }
  logger.warn(`Cluster ${cluster} failed for ${what}: ${detail}`);
  const answered = status ? ` (HTTP ${status})` : '';
  return new ServiceUnavailableError(
    `Cluster '${cluster}' ${describeClusterErrorCategory(
      category,
    )}${answered} for ${what}`,
  );
}
