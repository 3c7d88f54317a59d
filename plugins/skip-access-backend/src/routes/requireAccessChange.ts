import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type {
  AccessAction,
  AccessPermissions,
} from '../services/AccessPermissions/AccessPermissions';

/**
 * Requests that only read although they are not GETs: the method and the path, since
 * `PUT /rules/validate` changes a rule that happens to be called so. Paths are matched without
 * regard to case, as Express and the OpenAPI router route them.
 */
const READS: [string, RegExp][] = [['POST', /^\/rules\/validate\/?$/i]];

/** Which permissions each changing route needs, by its path under the plugin. */
const CHANGES: [RegExp, AccessAction[]][] = [
  [/^\/rules(\/[^/]*)?\/?$/i, ['writeRules']],
  [/^\/(apply|drift\/check|drift\/repair)\/?$/i, ['apply']],
];
/** A change this table does not know (a route added later) needs every change permission. */
const UNKNOWN_CHANGE: AccessAction[] = ['writeRules', 'apply'];

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
      READS.some(
        ([method, pattern]) => req.method === method && pattern.test(req.path),
      )
    ) {
      next();
      return;
    }
    const actions =
      CHANGES.find(([pattern]) => pattern.test(req.path))?.[1] ??
      UNKNOWN_CHANGE;
    const credentials = await options.httpAuth.credentials(req);
    if ((credentials.principal as { type?: string }).type !== 'user') {
      throw new NotAllowedError(
        'Access rules and bindings are changed by signed-in users, not by services',
      );
    }
    for (const action of actions) {
      await options.permissions.require(credentials, action);
    }
    next();
  };
}
