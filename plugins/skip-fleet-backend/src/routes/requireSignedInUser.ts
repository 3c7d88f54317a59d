import type {
  AuthService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';

/**
 * Changes on a cluster are made by people: Argo CD records who started a sync, and the
 * audit log names them. Refused before the input is validated, like every other refusal.
 */
export function requireSignedInUser(options: {
  auth: AuthService;
  httpAuth: HttpAuthService;
}) {
  const { auth, httpAuth } = options;
  return async (req: Request, _res: Response, next: NextFunction) => {
    const credentials = await httpAuth.credentials(req);
    if (!auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        'Argo CD apps are read and acted on by signed-in users, not by services',
      );
    }
    next();
  };
}
