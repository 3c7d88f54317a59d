import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  AuthorizeResult,
  createPermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  clusterNamespaceResourceRef,
  ClusterNamespaceResource,
  clusterNamespaceRules,
} from '../permissions/clusterNamespaceRules';
import {
  createSkipNamespaceConditionalDecision,
  skipNamespaceConditions,
} from '../permissions/clusterNamespaceConditions';
import { ResourcePermissionGate } from '../permissions/ResourcePermissionGate';
import { CachingPermissionsService } from './CachingPermissionsService';

const fleetRead = createPermission({
  name: 'skip.fleet.read',
  attributes: { action: 'read' },
});
const namespaceRead = createPermission({
  name: 'skip.fleet.namespace.read',
  attributes: { action: 'read' },
  resourceType: clusterNamespaceResourceRef.resourceType,
});

const alice = mockCredentials.user('user:default/alice');
const bob = mockCredentials.user('user:default/bob');

/** A policy the test changes at will: who is allowed skip.fleet.read, and each user's groups. */
function changeablePolicy() {
  const allowed = new Set<string>();
  const groups = new Map<string, string[]>();
  const userOf = (options: { credentials: { principal: unknown } }) =>
    (options.credentials.principal as { userEntityRef: string }).userEntityRef;
  const decide = (user: string) => ({
    result: allowed.has(user) ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
  });
  const permissions = mockServices.permissions.mock({
    authorize: jest.fn(async (requests, options) =>
      requests.map(() => decide(userOf(options))),
    ),
    authorizeConditional: jest.fn(
      async (requests, options): Promise<PolicyDecision[]> =>
        requests.map(() =>
          createSkipNamespaceConditionalDecision(namespaceRead, {
            allOf: [
              skipNamespaceConditions.isTeamNamespace({
                groupRefs: groups.get(userOf(options)) ?? [],
              }),
              { not: skipNamespaceConditions.isSystemNamespace({}) },
            ],
          }),
        ),
    ),
  });
  return { permissions, allowed, groups };
}

function manualClock() {
  let now = 0;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function cachingOver(
  permissions: ReturnType<typeof changeablePolicy>['permissions'],
  now?: () => number,
  userInfo = mockServices.userInfo(),
) {
  return CachingPermissionsService.create({
    permissions,
    userInfo,
    ttlMs: 5_000,
    maxEntries: 100,
    now,
  });
}

const authorizeFleetRead = (
  service: CachingPermissionsService,
  credentials: typeof alice,
) =>
  service
    .authorize([{ permission: fleetRead }], { credentials })
    .then(([decision]) => decision.result);

describe('CachingPermissionsService', () => {
  it("never serves one user's ALLOW to another", async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    const service = cachingOver(policy.permissions);
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.ALLOW,
    );
    await expect(authorizeFleetRead(service, bob)).resolves.toBe(
      AuthorizeResult.DENY,
    );
  });

  it('decides a change (a sync) fresh every time, so a revoked right stops the next one', async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    const service = cachingOver(policy.permissions);
    const argoSync = createPermission({
      name: 'skip.argocd.app.sync',
      attributes: { action: 'update' },
    });
    const sync = () =>
      service
        .authorize([{ permission: argoSync }], { credentials: alice })
        .then(([decision]) => decision.result);
    await expect(sync()).resolves.toBe(AuthorizeResult.ALLOW);
    policy.allowed.delete('user:default/alice');
    await expect(sync()).resolves.toBe(AuthorizeResult.DENY);
    expect(policy.permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('asks the permission service once per user while the decision is fresh', async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    const service = cachingOver(policy.permissions);
    await authorizeFleetRead(service, alice);
    await authorizeFleetRead(service, alice);
    expect(policy.permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('denies a revoked permission once the TTL has passed', async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    const clock = manualClock();
    const service = cachingOver(policy.permissions, clock.now);
    await authorizeFleetRead(service, alice);
    policy.allowed.delete('user:default/alice');
    clock.advance(4_999);
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.ALLOW,
    );
    clock.advance(1);
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.DENY,
    );
  });

  it('keeps a DENY for the TTL too, and allows a granted permission after it', async () => {
    const policy = changeablePolicy();
    const clock = manualClock();
    const service = cachingOver(policy.permissions, clock.now);
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.DENY,
    );
    policy.allowed.add('user:default/alice');
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.DENY,
    );
    clock.advance(5_000);
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('asks again when the token carries other groups', async () => {
    const policy = changeablePolicy();
    const userInfo = mockServices.userInfo.mock();
    let ownership = ['user:default/alice'];
    userInfo.getUserInfo.mockImplementation(async () => ({
      userEntityRef: 'user:default/alice',
      ownershipEntityRefs: ownership,
    }));
    const service = cachingOver(policy.permissions, undefined, userInfo);
    await authorizeFleetRead(service, alice);
    ownership = ['user:default/alice', 'group:default/platform'];
    await authorizeFleetRead(service, alice);
    expect(policy.permissions.authorize).toHaveBeenCalledTimes(2);
  });

  it('keeps conditional decisions as conditions, applied to each resource by the caller', async () => {
    const policy = changeablePolicy();
    policy.groups.set('user:default/alice', ['group:default/team-a']);
    policy.groups.set('user:default/bob', ['group:default/team-b']);
    const gate = ResourcePermissionGate.create<ClusterNamespaceResource>({
      permissions: cachingOver(policy.permissions),
      rules: clusterNamespaceRules,
    });
    const namespace = (owner: string, system = false) => ({
      cluster: 'dev',
      namespace: `${owner}-ns`,
      owner: `group:default/${owner}`,
      system,
    });
    for (let i = 0; i < 2; i++) {
      const alicePredicate = await gate.predicate(namespaceRead, alice);
      expect(alicePredicate(namespace('team-a'))).toBe(true);
      expect(alicePredicate(namespace('team-b'))).toBe(false);
      expect(alicePredicate(namespace('team-a', true))).toBe(false);
      const bobPredicate = await gate.predicate(namespaceRead, bob);
      expect(bobPredicate(namespace('team-a'))).toBe(false);
      expect(bobPredicate(namespace('team-b'))).toBe(true);
    }
    expect(policy.permissions.authorizeConditional).toHaveBeenCalledTimes(2);
  });

  it('makes one call for concurrent identical requests', async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    const service = cachingOver(policy.permissions);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => authorizeFleetRead(service, alice)),
    );
    expect(results).toEqual(Array(5).fill(AuthorizeResult.ALLOW));
    expect(policy.permissions.authorize).toHaveBeenCalledTimes(1);
  });

  it('asks for what it does not hold in one batch, in order', async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    const service = cachingOver(policy.permissions);
    await authorizeFleetRead(service, alice);
    const other = createPermission({
      name: 'skip.other',
      attributes: { action: 'read' },
    });
    const decisions = await service.authorize(
      [{ permission: fleetRead }, { permission: other }, { permission: other }],
      { credentials: alice },
    );
    expect(decisions.map(d => d.result)).toEqual([
      AuthorizeResult.ALLOW,
      AuthorizeResult.ALLOW,
      AuthorizeResult.ALLOW,
    ]);
    expect(policy.permissions.authorize).toHaveBeenCalledTimes(2);
    expect(policy.permissions.authorize).toHaveBeenLastCalledWith(
      [{ permission: other }],
      { credentials: alice },
    );
  });

  it('does not keep a failed call', async () => {
    const policy = changeablePolicy();
    policy.allowed.add('user:default/alice');
    policy.permissions.authorize.mockRejectedValueOnce(
      new Error('permission backend down'),
    );
    const service = cachingOver(policy.permissions);
    await expect(authorizeFleetRead(service, alice)).rejects.toThrow(
      'permission backend down',
    );
    await expect(authorizeFleetRead(service, alice)).resolves.toBe(
      AuthorizeResult.ALLOW,
    );
  });

  it('passes service callers through uncached', async () => {
    const policy = changeablePolicy();
    const service = cachingOver(policy.permissions);
    const caller = mockCredentials.service('plugin:catalog');
    await service.authorize([{ permission: fleetRead }], {
      credentials: caller,
    });
    await service.authorize([{ permission: fleetRead }], {
      credentials: caller,
    });
    expect(policy.permissions.authorize).toHaveBeenCalledTimes(2);
  });
});
