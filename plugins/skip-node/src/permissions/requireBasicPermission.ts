import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';

/**
 * Throws a {@link NotAllowedError} with the given reason unless the caller holds a basic
 * (not object-scoped) permission. Object-scoped checks go through `ResourcePermissionGate`.
 */
export async function requireBasicPermission(options: {
  permissions: PermissionsService;
  permission: BasicPermission;
  credentials: BackstageCredentials;
  deniedReason: string;
}): Promise<void> {
  const [decision] = await options.permissions.authorize(
    [{ permission: options.permission }],
    { credentials: options.credentials },
  );
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(options.deniedReason);
  }
}
