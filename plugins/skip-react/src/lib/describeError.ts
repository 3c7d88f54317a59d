import { ResponseError } from '@backstage/errors';

/**
 * The cause of a failure in words a person can act on: for an answer of the backend its
 * own message (the `ResponseError` message alone only says "Request failed with 503").
 */
export function describeError(error: Error): string {
  if (ResponseError.is(error)) {
    const cause = error.cause?.message;
    return cause ? `${cause} (HTTP ${error.statusCode})` : error.message;
  }
  return error.message;
}

/** True when the backend refused the caller (403): an answer to show, not a fault to retry. */
export function isNotAllowedError(error: unknown): error is ResponseError {
  return ResponseError.is(error) && error.statusCode === 403;
}
