import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type {
  AccessAction,
  AccessPermissions,
} from '../services/AccessPermissions/AccessPermissions';

/** Requests that only read, although they are not GETs. */
const READS: RegExp[] = [/^\/rules\/validate\/?$/];

/** Which permission each changing route needs, by its path under the plugin. */
const CHANGES: [RegExp, AccessAction][] = [
  [/^\/rules(\/[^/]*)?\/?$/, 'writeRules'],
  [/^\/(apply|drift\/check|drift\/repair)\/?$/, 'apply'],
];

/**
 * Rules and clusters are changed by signed-in people with the change's permission, checked
 * before the body is read or validated: a developer or a service gets 403, never a 400 that
 * tells them how to shape a request they may not make. Escalating roles need the approve
 * permission too, which the services check once they know the role.
 */
export function requireAccessChange(options: {
  httpAuth: HttpAuthService;
  permissions: AccessPermissions;
}) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    if (
      req.method === 'GET' ||
      req.method === 'HEAD' ||
      READS.some(pattern => pattern.test(req.path))
    ) {
      next();
      return;
    }
    const action =
      CHANGES.find(([pattern]) => pattern.test(req.path))?.[1] ?? 'apply';
    const credentials = await options.httpAuth.credentials(req);
    if ((credentials.principal as { type?: string }).type !== 'user') {
      throw new NotAllowedError(
        'Access rules and bindings are changed by signed-in users, not by services',
      );
    }
    await options.permissions.require(credentials, action);
    next();
  };
}
