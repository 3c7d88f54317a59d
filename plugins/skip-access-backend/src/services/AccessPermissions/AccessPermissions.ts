import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  AccessRights,
  skipAccessApplyPermission,
  skipAccessEscalationApprovePermission,
  skipAccessReadPermission,
  skipAccessRuleWritePermission,
} from '@internal/plugin-skip-common';

/** What a route or action of the access plugin needs. */
export type AccessAction =
  | 'read'
  | 'writeRules'
  | 'apply'
  | 'approveEscalation';

const PERMISSIONS: Record<AccessAction, BasicPermission> = {
  read: skipAccessReadPermission,
  writeRules: skipAccessRuleWritePermission,
  apply: skipAccessApplyPermission,
  approveEscalation: skipAccessEscalationApprovePermission,
};

const WHAT: Record<AccessAction, string> = {
  read: 'read access rules',
  writeRules: 'change access rules',
  apply: 'apply access plans',
  approveEscalation: 'approve escalating roles (cluster-admin and the like)',
};

/** The access plugin's questions to the permission framework, asked one way everywhere. */
export class AccessPermissions {
  private constructor(private readonly permissions: PermissionsService) {}

  static create(options: { permissions: PermissionsService }) {
    return new AccessPermissions(options.permissions);
  }

  /** Throws NotAllowedError naming what the caller may not do. */
  async require(
    credentials: BackstageCredentials,
    action: AccessAction,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: PERMISSIONS[action] }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${WHAT[action]}; that is for the platform team`,
      );
    }
  }

  /** What the caller may do, so a page offers only that. */
  async rights(credentials: BackstageCredentials): Promise<AccessRights> {
    const actions: AccessAction[] = [
      'writeRules',
      'apply',
      'approveEscalation',
    ];
    const decisions = await this.permissions.authorize(
      actions.map(action => ({ permission: PERMISSIONS[action] })),
      { credentials },
    );
    const allowed = (i: number) =>
      decisions[i].result === AuthorizeResult.ALLOW;
    return {
      writeRules: allowed(0),
      apply: allowed(1),
      approveEscalation: allowed(2),
    };
  }
}
