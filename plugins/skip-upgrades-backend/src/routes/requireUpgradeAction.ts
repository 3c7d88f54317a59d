import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type {
  UpgradeAccess,
  UpgradeAction,
} from '../services/UpgradeAccess/UpgradeAccess';

/** Which permission each changing route needs, by its path under the plugin (in any case, as Express routes it). */
const ACTIONS: [RegExp, UpgradeAction][] = [
  [/^\/runs\/[^/]+\/steps\/[^/]+\/approve\/?$/i, 'approve'],
  [/^\/runs\/[^/]+\/abort\/?$/i, 'abort'],
  [/^\/(plans|runs)\/?$/i, 'operate'],
  [/^\/runs\/[^/]+\/(pause|resume)\/?$/i, 'operate'],
  [/^\/runs\/[^/]+\/steps\/[^/]+\/retry\/?$/i, 'operate'],
  [/^\/runs\/[^/]+\/clusters\/[^/]+\/skip\/?$/i, 'operate'],
];

/**
 * Runs are changed by signed-in people with the action's permission, checked before the
 * body is read or validated: a developer or a service gets 403, never a 400 that tells
 * them how to shape a request they may not make.
 */
export function requireUpgradeAction(options: {
  httpAuth: HttpAuthService;
  access: UpgradeAccess;
}) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (req.method !== 'POST') {
      next();
      return;
    }
    const action =
      ACTIONS.find(([pattern]) => pattern.test(req.path))?.[1] ?? 'operate';
    const credentials = await options.httpAuth.credentials(req);
    if ((credentials.principal as { type?: string }).type !== 'user') {
      throw new NotAllowedError(
        'Upgrade runs are changed by signed-in users, not by services',
      );
    }
    await options.access.require(credentials, action);
    next();
  };
}
