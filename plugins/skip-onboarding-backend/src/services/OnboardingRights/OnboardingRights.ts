import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  skipOnboardingReadPermission,
  skipOnboardingRequestApprovePermission,
  skipOnboardingRequestCreatePermission,
} from '@internal/plugin-skip-common';

/** The onboarding plugin's questions to the permission framework. */
export class OnboardingRights {
  constructor(private readonly permissions: PermissionsService) {}

  async requireRead(credentials: BackstageCredentials): Promise<void> {
    const [d] = await this.permissions.authorize(
      [{ permission: skipOnboardingReadPermission }],
      { credentials },
    );
    if (d.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read onboarding requests');
    }
  }

  async canDecide(credentials: BackstageCredentials): Promise<boolean> {
    const [d] = await this.permissions.authorize(
      [{ permission: skipOnboardingRequestApprovePermission }],
      { credentials },
    );
    return d.result === AuthorizeResult.ALLOW;
  }

  async requireDecide(credentials: BackstageCredentials): Promise<void> {
    if (!(await this.canDecide(credentials))) {
      throw new NotAllowedError(
        'You may not approve, reject or retire prefixes; that is for the platform team',
      );
    }
  }

  /** The teams (group refs) the caller may request a prefix for: by the policy, their own. */
  async requestableTeams(
    credentials: BackstageCredentials,
    teams: string[],
  ): Promise<string[]> {
    if (teams.length === 0) return [];
    const decisions = await this.permissions.authorize(
      teams.map(resourceRef => ({
        permission: skipOnboardingRequestCreatePermission,
        resourceRef,
      })),
      { credentials },
    );
    return teams.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
  }

  async requireRequestFor(
    credentials: BackstageCredentials,
    team: string,
  ): Promise<void> {
    const [allowed] = await this.requestableTeams(credentials, [team]);
    if (!allowed) {
      throw new NotAllowedError(
        `You may not request a prefix for ${team}: only its members (or the platform team) may`,
      );
    }
  }
}
