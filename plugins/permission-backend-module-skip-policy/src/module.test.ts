import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  skipArgoAppSyncPermission,
  skipFleetReadPermission,
  skipOnboardingRequestCreatePermission,
  skipUpgradeRunCreatePermission,
} from '@internal/plugin-skip-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import { isTeamMemberRule } from '@internal/plugin-skip-node';
import permissionModuleSkipPolicy, { SkipPermissionPolicy } from '.';

const memberships: Record<string, string[]> = {
  'user:default/pia': ['user:default/pia', 'group:default/platform-team'],
  'user:default/dev': ['user:default/dev', 'group:default/seeiendom'],
};

async function startBackend() {
  const { server } = await startTestBackend({
    features: [
      permissionPlugin,
      permissionModuleSkipPolicy,
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          skip: { platformTeamGroups: ['group:default/platform-team'] },
        },
      }),
      mockServices.userInfo.mock({
        getUserInfo: async credentials => {
          const userEntityRef = (
            credentials.principal as { userEntityRef: string }
          ).userEntityRef;
          return {
            userEntityRef,
            ownershipEntityRefs: memberships[userEntityRef] ?? [userEntityRef],
          };
        },
      }).factory,
    ],
  });
  return server;
}

async function authorize(
  server: Awaited<ReturnType<typeof startBackend>>,
  user: string,
  permission: Permission,
  resourceRef?: string,
) {
  const res = await request(server)
    .post('/api/permission/authorize')
    .set('Authorization', mockCredentials.user.header(user))
    .send({ items: [{ id: '1', permission, resourceRef }] });
  expect(res.status).toBe(200);
  return res.body.items[0];
}

describe('SKIP permission policy, through the permission backend API', () => {
  let server: Awaited<ReturnType<typeof startBackend>>;
  beforeAll(async () => {
    server = await startBackend();
  });

  it('lets a platform-team member start upgrades and sync apps', async () => {
    for (const permission of [
      skipUpgradeRunCreatePermission,
      skipArgoAppSyncPermission,
    ]) {
      expect(
        await authorize(server, 'user:default/pia', permission),
      ).toMatchObject({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets any other user read but not act', async () => {
    expect(
      await authorize(server, 'user:default/dev', skipFleetReadPermission),
    ).toMatchObject({
      result: AuthorizeResult.ALLOW,
    });
    expect(
      await authorize(server, 'user:default/dev', skipArgoAppSyncPermission),
    ).toMatchObject({
      result: AuthorizeResult.DENY,
    });
    expect(
      await authorize(
        server,
        'user:default/dev',
        skipUpgradeRunCreatePermission,
      ),
    ).toMatchObject({
      result: AuthorizeResult.DENY,
    });
  });

  it('refuses a user request for a team-scoped permission without naming the team', async () => {
    const res = await request(server)
      .post('/api/permission/authorize')
      .set('Authorization', mockCredentials.user.header('user:default/dev'))
      .send({
        items: [{ id: '1', permission: skipOnboardingRequestCreatePermission }],
      });
    expect(res.status).toBe(400);
  });
});

// The backend test harness issues on-behalf-of tokens without an actor, so the permission
// backend cannot call a plugin's apply-conditions endpoint here; the conditional decision
// is therefore evaluated with the framework's own condition authorizer.
describe('SKIP permission policy, onboarding requests', () => {
  const policy = new SkipPermissionPolicy(['group:default/platform-team']);
  const authorizeFor = async (
    ownershipEntityRefs: string[],
    groupRef: string,
  ) => {
    const decision = await policy.handle(
      { permission: skipOnboardingRequestCreatePermission },
      {
        credentials: mockCredentials.user(ownershipEntityRefs[0]),
        info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
      },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    return createConditionAuthorizer([isTeamMemberRule])(decision, {
      groupRef,
    });
  };

  it('lets a user request onboarding only for the groups they belong to', async () => {
    const dev = ['user:default/dev', 'group:default/seeiendom'];
    expect(await authorizeFor(dev, 'group:default/seeiendom')).toBe(true);
    expect(await authorizeFor(dev, 'group:default/matrikkel')).toBe(false);
    expect(
      await authorizeFor(
        ['user:default/pia', 'group:default/platform-team'],
        'group:default/matrikkel',
      ),
    ).toBe(true);
  });
});
