import { mockServices } from '@backstage/backend-test-utils';
import { hideInternalErrors } from './hideInternalErrors';

describe('hideInternalErrors', () => {
  const logger = mockServices.logger.mock();

  /** As Backstage's errors are: a known name, the cause appended to the message and kept. */
  const backstageError = (name: string, message: string, cause?: Error) =>
    Object.assign(
      new Error(cause ? `${message}; caused by ${cause}` : message),
      { name, ...(cause ? { cause } : {}) },
    );

  it("passes errors written for the caller, without their cause's message", () => {
    const cause = new Error('ECONNREFUSED 10.40.12.7:6443 (/srv/app/kube.ts)');
    const passed = hideInternalErrors(
      backstageError(
        'ConflictError',
        'already has an operation in progress',
        cause,
      ),
      logger,
    ) as Error;
    expect(passed.name).toBe('ConflictError');
    expect(passed.message).toBe('already has an operation in progress');
    expect(passed.cause).toBeUndefined();
    const unavailable = hideInternalErrors(
      backstageError('ServiceUnavailableError', 'cluster down'),
      logger,
    ) as Error;
    expect(unavailable.message).toBe('cluster down');
  });

  it('hides a bug behind a log id, also one that carries a 5xx status of its own', () => {
    const withStatus = Object.assign(
      new Error("ENOENT: no such file, open '/srv/app/catalog.yaml'"),
      { statusCode: 500 },
    );
    for (const bug of [new Error('/srv/app/x.ts exploded'), withStatus]) {
      const hidden = hideInternalErrors(bug, logger) as Error;
      expect(hidden.message).toMatch(
        /^An internal error occurred \(logId=[0-9a-f]{20}\)$/,
      );
      expect(hidden.stack).toBeUndefined();
    }
  });
});
