import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  PermissionRule,
} from '@backstage/plugin-permission-node';

/**
 * Asks the permission framework once per request and applies a conditional answer to
 * the objects the plugin already holds, so one policy call covers a whole list. With
 * {@link requireBasicPermission}, the one way a SKIP backend plugin checks a permission.
 */
export class ResourcePermissionGate<TResource> {
  private readonly applyConditions: ReturnType<
    typeof createConditionAuthorizer<TResource, unknown>
  >;

  private constructor(
    private readonly permissions: PermissionsService,
    rules: PermissionRule<TResource, unknown, string>[],
  ) {
    this.applyConditions = createConditionAuthorizer(rules);
  }

  static create<TResource>(options: {
    permissions: PermissionsService;
    rules: PermissionRule<TResource, any, string, any>[];
  }): ResourcePermissionGate<TResource> {
    return new ResourcePermissionGate(options.permissions, options.rules);
  }

  /** A predicate telling, for any resource, whether the caller holds the permission on it. */
  async predicate(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
  ): Promise<(resource: TResource) => boolean> {
    const [decision] = await this.permissions.authorizeConditional(
      [{ permission }],
      { credentials },
    );
    if (decision.result === AuthorizeResult.ALLOW) return () => true;
    if (decision.result === AuthorizeResult.DENY) return () => false;
    return resource => this.applyConditions(decision, resource);
  }

  /** Throws a {@link NotAllowedError} with the given reason unless the caller holds the permission on the resource. */
  async require(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
    resource: TResource,
    deniedReason: string,
  ): Promise<void> {
    const allowed = await this.predicate(permission, credentials);
    if (!allowed(resource)) throw new NotAllowedError(deniedReason);
  }
}
