import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { skipFleetReadPermission } from '@internal/plugin-skip-common';
import { requireBasicPermission } from '@internal/plugin-skip-node';
import type { NextFunction, Request, Response } from 'express';

/**
 * Every fleet route reads the fleet: a user or service token with `skip.fleet.read`, checked
 * before any input is looked at (401 and 403 come before 400). Actions check their own
 * permission on top, per namespace, in their service.
 */
export function requireFleetRead(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}) {
  const { httpAuth, permissions } = options;
  return async (req: Request, _res: Response, next: NextFunction) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await requireBasicPermission({
      permissions,
      permission: skipFleetReadPermission,
      credentials,
      deniedReason: 'You may not read the fleet',
    });
    next();
  };
}
