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

/** Statuses of 500 and over whose messages are written for the caller (not a bug's detail). */
const SPOKEN_SERVER_STATUSES = new Set([501, 503]);

/** A status below 500 (or 501/503): the error's message was written for the caller. */
function hasCallerStatus(error: Error): boolean {
  const { status, statusCode } = error as {
    status?: unknown;
    statusCode?: unknown;
  };
  return [status, statusCode].some(
    s =>
      typeof s === 'number' &&
      Number.isInteger(s) &&
      s >= 100 &&
      (s < 500 || SPOKEN_SERVER_STATUSES.has(s)),
  );
}

/** The error without its `cause`, which Backstage would serialise with the cause's message. */
function withoutCause(error: Error): Error {
  if (!('cause' in error)) return error;
  // Backstage's errors append "; caused by <cause>" to their own message: that part goes too.
  // name and message are own but not enumerable on an Error: copied by hand.
  const at = error.message.indexOf('; caused by ');
  const copy = Object.assign(
    Object.create(Object.getPrototypeOf(error)),
    error,
    {
      name: error.name,
      message: at >= 0 ? error.message.slice(0, at) : error.message,
    },
  );
  delete copy.cause;
  delete copy.stack;
  return copy;
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
    (KNOWN_ERROR_NAMES.has(error.name) || hasCallerStatus(error))
  ) {
    return withoutCause(error);
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
