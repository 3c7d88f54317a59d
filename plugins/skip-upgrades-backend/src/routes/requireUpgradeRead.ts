import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { NextFunction, Request, Response } from 'express';
import type { UpgradeAccess } from '../services/UpgradeAccess/UpgradeAccess';

/**
 * Every upgrade route reads runs: a user or service token with `skip.upgrade.run.read`,
 * checked before any input is looked at (401 and 403 come before 400). Actions check their
 * own permission on top.
 */
export function requireUpgradeRead(options: {
  httpAuth: HttpAuthService;
  access: UpgradeAccess;
}) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await options.access.require(credentials, 'read');
    next();
  };
}
