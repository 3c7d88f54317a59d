import {
  DEV,
  GROUPS,
  handMadeBinding,
  managedBinding,
  PLATFORM_EMAIL,
  rule,
  SEEIENDOM_EMAIL,
  snapshot,
} from './__testUtils__/accessFixtures';
import { grantsFromBindings, grantsFromRules } from './effectiveAccess';
import { desiredBindings } from './resolveRules';
import { teamDefaultRules } from './teamDefaultRules';

const environmentOf = (cluster: string) =>
  cluster === 'atkv3-dev' ? 'dev' : 'prod';
const isEscalating = (role: string) => role === 'cluster-admin';

describe('grantsFromRules', () => {
  const desired = desiredBindings(
    [
      ...teamDefaultRules(GROUPS),
      rule({
        id: 'platform-admin',
        group: 'group:default/platform',
        role: 'cluster-admin',
      }),
    ],
    GROUPS,
    DEV,
    ['seeiendom-web', 'seeiendom-api', 'other'],
    isEscalating,
  );

  it("lists a group's grants per namespace, sorted, and no other group's", () => {
    expect(
      grantsFromRules(
        desired,
        environmentOf,
        new Set(['group:default/seeiendom']),
      ),
    ).toEqual([
      {
        cluster: 'atkv3-dev',
        environment: 'dev',
        namespace: 'seeiendom-api',
        role: 'edit',
        roleKind: 'ClusterRole',
        escalating: false,
        via: 'rule',
        ruleId: 'default-seeiendom',
        subject: SEEIENDOM_EMAIL,
      },
      expect.objectContaining({ namespace: 'seeiendom-web', role: 'edit' }),
    ]);
  });

  it('lists one grant per IAM group email, cluster-wide without a namespace', () => {
    const grants = grantsFromRules(
      desired,
      environmentOf,
      new Set(['group:Default/Platform']),
    );
    expect(
      grants.map(g => [g.subject, g.role, g.escalating, 'namespace' in g]),
    ).toEqual([
      ['aad-tf-platform-oncall@kartverket.no', 'cluster-admin', true, false],
      [PLATFORM_EMAIL, 'cluster-admin', true, false],
    ]);
  });
});

describe('grantsFromBindings', () => {
  const cluster = snapshot({
    bindings: [
      managedBinding('default-seeiendom', {
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'skip-default-seeiendom-edit',
        roleRef: { kind: 'ClusterRole', name: 'edit' },
        subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL }],
      }),
      handMadeBinding({
        kind: 'ClusterRoleBinding',
        name: 'break-glass',
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [
          { kind: 'User', name: 'Kari.Nordmann@kartverket.no' },
          { kind: 'Group', name: 'ops@kartverket.no' },
        ],
      }),
      handMadeBinding({
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'secret-reader',
        roleRef: { kind: 'Role', name: 'secret-reader' },
        subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL.toUpperCase() }],
      }),
    ],
  });

  it('finds what the cluster gives a group, managed or made by hand', () => {
    const grants = grantsFromBindings(
      cluster,
      'dev',
      new Set([SEEIENDOM_EMAIL]),
      undefined,
      isEscalating,
    );
    expect(grants).toEqual([
      {
        cluster: 'atkv3-dev',
        environment: 'dev',
        namespace: 'seeiendom-api',
        role: 'edit',
        roleKind: 'ClusterRole',
        escalating: false,
        via: 'binding',
        ruleId: 'default-seeiendom',
        binding: {
          kind: 'RoleBinding',
          namespace: 'seeiendom-api',
          name: 'skip-default-seeiendom-edit',
          managed: true,
        },
        subject: SEEIENDOM_EMAIL,
      },
      {
        cluster: 'atkv3-dev',
        environment: 'dev',
        namespace: 'seeiendom-api',
        role: 'secret-reader',
        roleKind: 'Role',
        escalating: false,
        via: 'binding',
        binding: {
          kind: 'RoleBinding',
          namespace: 'seeiendom-api',
          name: 'secret-reader',
          managed: false,
        },
        subject: SEEIENDOM_EMAIL.toUpperCase(),
      },
    ]);
  });

  it('finds what the cluster gives a user by name, cluster-wide and escalating', () => {
    const grants = grantsFromBindings(
      cluster,
      'dev',
      new Set(),
      'kari.nordmann@kartverket.no',
      isEscalating,
    );
    expect(grants).toEqual([
      expect.objectContaining({
        role: 'cluster-admin',
        escalating: true,
        subject: 'Kari.Nordmann@kartverket.no',
        binding: {
          kind: 'ClusterRoleBinding',
          name: 'break-glass',
          managed: false,
        },
      }),
    ]);
    expect(grants[0]).not.toHaveProperty('namespace');
  });

  it('finds nothing for someone the cluster does not name', () => {
    expect(
      grantsFromBindings(
        cluster,
        'dev',
        new Set(['x@kartverket.no']),
        'y@kartverket.no',
        isEscalating,
      ),
    ).toEqual([]);
  });
});
