import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { Caller } from '@internal/plugin-skip-node';
import type { Response } from 'express';

/** Any typed request of the generated router, as httpAuth takes it. */
export type HttpRequest = Parameters<HttpAuthService['credentials']>[0];

/**
 * Who reads (a user or a service; `requireFleetRead` let them in) and who acts (a person,
 * named in the audit log). httpAuth keeps the credentials per request, so asking here again
 * after the middleware does not verify the token twice.
 */
export function callers(httpAuth: HttpAuthService) {
  return {
    readerOf: (req: HttpRequest) =>
      httpAuth.credentials(req, { allow: ['user', 'service'] }),
    personOf: async (req: HttpRequest): Promise<Caller> => ({
      credentials: await httpAuth.credentials(req, { allow: ['user'] }),
      request: req,
    }),
  };
}

/** Aborted when the browser goes away, so the cluster call made for it ends too. */
export function abortedWhenClosed(res: Response): AbortSignal {
  const aborter = new AbortController();
  res.on('close', () => aborter.abort());
  return aborter.signal;
}
