import type { MiddlewareFactoryOptions } from '@backstage/backend-defaults/rootHttpRouter';
import { randomBytes } from 'node:crypto';

type Logger = MiddlewareFactoryOptions['logger'];

/** Error names Backstage's error handler answers with their own status (not 500). */
const KNOWN_ERROR_NAMES = new Set([
  'NotModifiedError',
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
  'NotImplementedError',
  'ServiceUnavailableError',
]);

function isError(error: unknown): error is Error {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as Error).name === 'string' &&
    typeof (error as Error).message === 'string'
  );
}

function hasHttpStatus(error: Error): boolean {
  const { status, statusCode } = error as {
    status?: unknown;
    statusCode?: unknown;
  };
  return [status, statusCode].some(
    s => typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599,
  );
}

/**
 * An error that would become a 500 is a bug whose message may name server files or
 * addresses (an `ENOENT` with a path, a library's internals): the caller gets a log id,
 * the log gets the error. Backstage's own errors (400, 403, 404, 409, 503 ...) carry
 * messages written for the caller and pass unchanged.
 */
export function hideInternalErrors(error: unknown, logger: Logger): unknown {
  if (
    isError(error) &&
    (KNOWN_ERROR_NAMES.has(error.name) || hasHttpStatus(error))
  ) {
    return error;
  }
  const logId = randomBytes(10).toString('hex');
  logger.error(
    `Internal error hidden from the answer, logId=${logId}`,
    isError(error) ? error : new Error(String(error)),
  );
  const hidden = new Error(`An internal error occurred (logId=${logId})`);
  delete hidden.stack;
  return hidden;
}
