import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { NextFunction, Request, Response } from 'express';
import type { AccessPermissions } from '../services/AccessPermissions/AccessPermissions';

/**
 * Every access route reads rules or bindings: a user or service token with
 * `skip.access.read`, checked before any input is looked at (401 and 403 come before 400).
 * Changes check their own permission on top.
 */
export function requireAccessRead(options: {
  httpAuth: HttpAuthService;
  permissions: AccessPermissions;
}) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await options.permissions.require(credentials, 'read');
    next();
  };
}
