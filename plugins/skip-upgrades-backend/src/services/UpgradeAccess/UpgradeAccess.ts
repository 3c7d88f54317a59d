import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  skipUpgradeGateApprovePermission,
  skipUpgradeReadPermission,
  skipUpgradeRunCancelPermission,
  skipUpgradeRunCreatePermission,
  UpgradeViewerRights,
} from '@internal/plugin-skip-common';
import type { RunRecord, StepRecord } from '../../database/RunStore';
import type { UpgradesConfig } from '../../config/upgradesConfig';

/** What a person does to runs, each with its permission. */
export type UpgradeAction = 'read' | 'operate' | 'approve' | 'abort';

const PERMISSIONS = {
  read: skipUpgradeReadPermission,
  operate: skipUpgradeRunCreatePermission,
  approve: skipUpgradeGateApprovePermission,
  abort: skipUpgradeRunCancelPermission,
};

const DENIED: Record<UpgradeAction, string> = {
  read: 'You may not see upgrade runs',
  operate:
    'Only the platform team plans, starts, pauses, resumes, retries and skips upgrades (skip.upgrade.run.create)',
  approve:
    'Only the platform team approves upgrade gates (skip.upgrade.gate.approve)',
  abort: 'Only the platform team aborts upgrades (skip.upgrade.run.cancel)',
};

/** The one place where the upgrade permissions and the four-eyes rule are checked. */
export class UpgradeAccess {
  private constructor(
    private readonly permissions: PermissionsService,
    private readonly config: UpgradesConfig,
  ) {}

  static create(options: {
    permissions: PermissionsService;
    config: UpgradesConfig;
  }): UpgradeAccess {
    return new UpgradeAccess(options.permissions, options.config);
  }

  /** Throws NotAllowedError unless the caller may do `action`. */
  async require(
    credentials: BackstageCredentials,
    action: UpgradeAction,
  ): Promise<void> {
    const [decision] = await this.permissions.authorize(
      [{ permission: PERMISSIONS[action] }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(DENIED[action]);
  }

  /** Why this person may not approve this gate, beyond the permission (four-eyes); undefined when they may. */
  fourEyesProblem(
    run: RunRecord,
    gate: StepRecord,
    actor: string,
  ): string | undefined {
    // A gate in front of one cluster (an admin cluster the rules move into an earlier stage)
    // belongs to that cluster's environment.
    const environment =
      run.plan.clusters.find(c => c.name === gate.cluster)?.environment ??
      gate.stage;
    if (!this.config.gates.fourEyes.includes(environment as never))
      return undefined;
    if (run.createdBy !== actor) return undefined;
    return `You started this run; the ${environment} gate needs another platform-team member's approval (four-eyes: skip.upgrades.gates.fourEyes)`;
  }

  /** What the caller may do on a run now, and why not. */
  async rights(
    credentials:
      | BackstageCredentials<BackstageUserPrincipal>
      | BackstageCredentials,
    run: RunRecord,
    waitingGate?: StepRecord,
  ): Promise<UpgradeViewerRights> {
    const actions: UpgradeAction[] = ['operate', 'approve', 'abort'];
    const decisions = await this.permissions.authorize(
      actions.map(a => ({ permission: PERMISSIONS[a] })),
      { credentials },
    );
    const allowed = (i: number) =>
      decisions[i].result === AuthorizeResult.ALLOW;
    const actor =
      credentials.principal &&
      'userEntityRef' in (credentials.principal as object)
        ? (credentials.principal as BackstageUserPrincipal).userEntityRef
        : '';
    let approve: UpgradeViewerRights['approve'] = { allowed: true };
    if (!allowed(1)) approve = { allowed: false, reason: DENIED.approve };
    else if (!waitingGate)
      approve = { allowed: false, reason: 'No gate is waiting for approval' };
    else {
      const fourEyes = this.fourEyesProblem(run, waitingGate, actor);
      if (fourEyes) approve = { allowed: false, reason: fourEyes };
    }
    return {
      operate: allowed(0)
        ? { allowed: true }
        : { allowed: false, reason: DENIED.operate },
      approve,
      abort: allowed(2)
        ? { allowed: true }
        : { allowed: false, reason: DENIED.abort },
    };
  }
}
