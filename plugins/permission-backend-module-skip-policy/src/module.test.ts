import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  Permission,
} from '@backstage/plugin-permission-common';
import {
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipFleetReadPermission,
  skipNamespaceReadPermission,
  skipOnboardingRequestCreatePermission,
  skipUpgradeRunCreatePermission,
} from '@internal/plugin-skip-common';
import permissionPlugin from '@backstage/plugin-permission-backend';
import request from 'supertest';
import { createConditionAuthorizer } from '@backstage/plugin-permission-node';
import {
  ClusterNamespaceResource,
  clusterNamespaceRules,
  isTeamMemberRule,
} from '@internal/plugin-skip-node';
import permissionModuleSkipPolicy, { SkipPermissionPolicy } from '.';

const kubernetesProxy = createPermission({
  name: 'kubernetes.proxy',
  attributes: {},
});
const catalogRead = createPermission({
  name: 'catalog.entity.read',
  attributes: { action: 'read' },
});
const catalogLocationCreate = createPermission({
  name: 'catalog.location.create',
  attributes: { action: 'create' },
});
const unknownPermission = createPermission({
  name: 'someplugin.thing.read',
  attributes: { action: 'read' },
});

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

  it('lets a platform-team member start upgrades and use the Kubernetes proxy', async () => {
    for (const permission of [
      skipUpgradeRunCreatePermission,
      kubernetesProxy,
    ]) {
      expect(
        await authorize(server, 'user:default/pia', permission),
      ).toMatchObject({
        result: AuthorizeResult.ALLOW,
      });
    }
  });

  it('lets any other user read and use the catalog, but not act, not use the Kubernetes proxy, and nothing it does not know', async () => {
    const decisions = async (permissions: Permission[]) =>
      Promise.all(
        permissions.map(async p => ({
          permission: p.name,
          result: (await authorize(server, 'user:default/dev', p)).result,
        })),
      );
    expect(await decisions([skipFleetReadPermission, catalogRead])).toEqual(
      [skipFleetReadPermission, catalogRead].map(p => ({
        permission: p.name,
        result: AuthorizeResult.ALLOW,
      })),
    );
    // A registered Group with a namespace-prefix annotation would claim namespaces.
    const denied = [
      kubernetesProxy,
      unknownPermission,
      catalogLocationCreate,
      skipUpgradeRunCreatePermission,
    ];
    expect(await decisions(denied)).toEqual(
      denied.map(p => ({ permission: p.name, result: AuthorizeResult.DENY })),
    );
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

describe('SKIP permission policy, namespace-scoped permissions', () => {
  const policy = new SkipPermissionPolicy(['group:default/platform-team']);
  const mayOn = async (
    ownershipEntityRefs: string[],
    permission: typeof skipArgoAppSyncPermission,
    resource: ClusterNamespaceResource,
  ) => {
    const decision = await policy.handle(
      { permission },
      {
        credentials: mockCredentials.user(ownershipEntityRefs[0]),
        info: { userEntityRef: ownershipEntityRefs[0], ownershipEntityRefs },
      },
    );
    if (decision.result !== AuthorizeResult.CONDITIONAL) {
      return decision.result === AuthorizeResult.ALLOW;
    }
    return createConditionAuthorizer(clusterNamespaceRules)(decision, resource);
  };
  const dev = ['user:default/dev', 'group:default/seeiendom'];
  const pia = ['user:default/pia', 'group:default/platform-team'];
  const own: ClusterNamespaceResource = {
    cluster: 'atkv3-dev',
    namespace: 'seeiendom-api-main',
    owner: 'group:default/seeiendom',
    system: false,
  };
  const other = {
    ...own,
    namespace: 'matrikkel-api-main',
    owner: 'group:default/matrikkel',
  };
  const system = {
    ...own,
    namespace: 'kube-system',
    owner: undefined,
    system: true,
  };
  const labelledSystem = { ...system, owner: 'group:default/seeiendom' };

  it("lets a developer sync, refresh and look into their own team's namespaces only", async () => {
    for (const permission of [
      skipArgoAppSyncPermission,
      skipArgoAppRefreshPermission,
      skipNamespaceReadPermission,
    ]) {
      expect(await mayOn(dev, permission, own)).toBe(true);
      expect(await mayOn(dev, permission, other)).toBe(false);
      expect(await mayOn(dev, permission, system)).toBe(false);
    }
  });

  it('keeps system namespaces for the platform team, even when a team label claims one', async () => {
    expect(await mayOn(dev, skipNamespaceReadPermission, labelledSystem)).toBe(
      false,
    );
    expect(await mayOn(pia, skipNamespaceReadPermission, labelledSystem)).toBe(
      true,
    );
    expect(await mayOn(pia, skipArgoAppSyncPermission, other)).toBe(true);
  });
});
