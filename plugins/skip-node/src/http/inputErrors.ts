import { InputError, isError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type { z } from 'zod';

/** Where an input came from, as messages name it: `Invalid <where>: <field>: <why>`. */
export type InputLocation = 'path' | 'query' | 'body';

/**
 * Parses an input the OpenAPI router has already validated into its domain type (defaults
 * applied, unknown keys dropped). Should the spec and the zod schema ever disagree, this is
 * still a 400 naming the field, never a 500.
 */
export function parseInput<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  where: InputLocation,
): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map(
      i => `${i.path.join('.') || where}: ${i.message}`,
    );
    throw new InputError(`Invalid ${where}: ${issues.join('; ')}`);
  }
  return result.data;
}

/**
 * body-parser's own errors (not JSON, not an object, too large) say nothing of where the
 * input was wrong; they become a 400 naming the body, like every other bad input.
 */
export function bodyErrorsAsInputErrors(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
) {
  const e = error as { type?: unknown; status?: unknown; message?: string };
  if (
    typeof e?.type !== 'string' ||
    typeof e.status !== 'number' ||
    e.status >= 500
  ) {
    next(error);
    return;
  }
  const reason =
    e.type === 'entity.parse.failed' ? 'must be a JSON object' : e.message;
  next(new InputError(`Invalid body: body: ${reason}`));
}

const LOCATIONS: Record<string, InputLocation> = {
  params: 'path',
  query: 'query',
  body: 'body',
};
/** One error of express-openapi-validator (ajv's errorsText with dataVar `request`). */
const VALIDATOR_ERROR = /^request\/(params|query|body)(?:\/(\S+))? ([^]*)$/;
const MISSING = /^must have required property '([^']+)'$/;

/** `Invalid query: team: must match pattern "…"`, or undefined for a message the validator did not word. */
function rewordValidatorMessage(message: string): string | undefined {
  if (message.startsWith('unsupported media type')) {
    return 'Invalid body: body: must be sent as application/json';
  }
  const parts = message
    .split(/, (?=request\/)/)
    .map(one => VALIDATOR_ERROR.exec(one));
  if (parts.some(p => !p)) return undefined;
  const matches = parts as RegExpExecArray[];
  const details = matches.map(([, location, path, why]) => {
    const field =
      path?.replace(/\//g, '.') ??
      MISSING.exec(why)?.[1] ??
      LOCATIONS[location];
    return `${field}: ${why}`;
  });
  return `Invalid ${LOCATIONS[matches[0][1]]}: ${details.join('; ')}`;
}

/**
 * backend-openapi-utils turns the validator's errors into `InputError`s worded like
 * `request/query/team must match pattern "…"`; this rewords them the way every SKIP route
 * answers bad input (`Invalid query: team: must match pattern "…"`), which is what the
 * contract fuzzing and the UI rely on. Anything else passes through untouched.
 */
export function validatorErrorsNamingTheField(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
) {
  const message =
    isError(error) && error.name === 'InputError'
      ? rewordValidatorMessage(error.message)
      : undefined;
  next(message ? new InputError(message) : error);
}
