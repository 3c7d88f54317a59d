/** A cause in a Status's details, as kubectl prints them for 422 and SSA conflicts. */
export type StatusCause = { reason: string; message: string; field?: string };

/** Details of a failure Status: the object's name, group and plural resource. */
export type StatusDetails = { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  406: 'NotAcceptable',
  409: 'Conflict',
  410: 'Expired',
  415: 'UnsupportedMediaType',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

/** An API failure that the HTTP layer turns into a JSON `Status` with the same code. */
export class KubeStatusError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly reason: string = REASONS[code] ?? 'Unknown',
    readonly details?: StatusDetails,
  ) {
    super(message);
    this.name = 'KubeStatusError';
  }

  /** The metav1.Status body. */
  toStatus(): Record<string, unknown> {
    return failureStatus(this.code, this.message, this.reason, this.details);
  }
}

/** A metav1.Status failure body. */
export function failureStatus(code: number, message: string, reason = REASONS[code] ?? 'Unknown', details?: StatusDetails): Record<string, unknown> {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

/** `<resource>.<group>` as the real server names things in messages, e.g. deployments.apps. */
export function qualifiedResource(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(resource: string, group: string, name: string): KubeStatusError {
  return new KubeStatusError(404, `${qualifiedResource(resource, group)} "${name}" not found`, 'NotFound', {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function alreadyExists(resource: string, group: string, name: string): KubeStatusError {
  return new KubeStatusError(409, `${qualifiedResource(resource, group)} "${name}" already exists`, 'AlreadyExists', {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function conflict(resource: string, group: string, name: string): KubeStatusError {
  return new KubeStatusError(
    409,
    `Operation cannot be fulfilled on ${qualifiedResource(resource, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    'Conflict',
    { name, ...(group ? { group } : {}), kind: resource },
  );
}

/** 422 Invalid; with several causes the message lists them in brackets, as apimachinery's aggregate does. */
export function invalid(kind: string, group: string, name: string, causes: StatusCause[]): KubeStatusError {
  const each = causes.map(c => `${c.field}: ${c.message}`);
  const what = each.length === 1 ? each[0] : `[${each.join(', ')}]`;
  return new KubeStatusError(422, `${kind}${group ? `.${group}` : ''} "${name}" is invalid: ${what}`, 'Invalid', {
    name,
    ...(group ? { group } : {}),
    kind,
    causes,
  });
}

export function badRequest(message: string): KubeStatusError {
  return new KubeStatusError(400, message, 'BadRequest');
}

export function expired(rv: string, current: string): KubeStatusError {
  return new KubeStatusError(410, `too old resource version: ${rv} (${current})`, 'Expired');
}
