import {
  CLUSTERS,
  DEV,
  GROUPS,
  PLATFORM_EMAIL,
  rule,
  SEEIENDOM_EMAIL,
} from './__testUtils__/accessFixtures';
import { desiredBindings, ruleClusters, ruleProblems } from './resolveRules';
import { teamDefaultRules } from './teamDefaultRules';

const notEscalating = () => false;
const NAMESPACES = ['default', 'seeiendom-api', 'seeiendom-web', 'other-app'];

describe('ruleClusters', () => {
  const names = (r: Parameters<typeof ruleClusters>[0]) =>
    ruleClusters(r, CLUSTERS).map(c => c.name);

  it('covers every user cluster, never an admin cluster, for all clusters', () => {
    expect(names({ clusters: { type: 'all' } })).toEqual([
      'atkv3-dev',
      'atkv3-prod',
    ]);
  });

  it('covers the user clusters of an environment', () => {
    expect(
      names({ clusters: { type: 'environment', environment: 'prod' } }),
    ).toEqual(['atkv3-prod']);
    expect(
      names({ clusters: { type: 'environment', environment: 'sandbox' } }),
    ).toEqual([]);
  });

  it('covers an admin cluster only when the rule names it', () => {
    expect(
      names({ clusters: { type: 'cluster', cluster: 'atkv3-admin-prod' } }),
    ).toEqual(['atkv3-admin-prod']);
    expect(
      names({ clusters: { type: 'cluster', cluster: 'nowhere' } }),
    ).toEqual([]);
  });
});

describe('ruleProblems', () => {
  it('finds none in a rule that binds', () => {
    expect(ruleProblems(rule({ id: 'r' }), GROUPS, CLUSTERS)).toEqual([]);
  });

  it('compares group refs without regard to case or the default namespace', () => {
    expect(
      ruleProblems(
        rule({ id: 'r', group: 'group:Seeiendom' }),
        GROUPS,
        CLUSTERS,
      ),
    ).toEqual([]);
  });

  it('says why a rule binds nothing', () => {
    expect(
      ruleProblems(
        rule({ id: 'r', group: 'group:default/x' }),
        GROUPS,
        CLUSTERS,
      ),
    ).toEqual(["group 'group:default/x' is not in the catalog"]);
    expect(
      ruleProblems(
        rule({ id: 'r', group: 'group:default/noiam' }),
        GROUPS,
        CLUSTERS,
      ),
    ).toEqual([
      "group 'group:default/noiam' has no skip.kartverket.no/iam-groups annotation",
    ]);
    expect(
      ruleProblems(
        rule({
          id: 'r',
          namespaces: { type: 'team-prefix', team: 'group:default/platform' },
          clusters: { type: 'cluster', cluster: 'gone' },
        }),
        GROUPS,
        CLUSTERS,
      ),
    ).toEqual([
      "team 'group:default/platform' has no skip.kartverket.no/namespace-prefix annotation",
      "cluster 'gone' is not a known cluster",
    ]);
    expect(
      ruleProblems(
        rule({
          id: 'r',
          namespaces: { type: 'team-prefix', team: 'group:default/y' },
        }),
        GROUPS,
        CLUSTERS,
      ),
    ).toEqual(["team 'group:default/y' is not in the catalog"]);
  });

  it('does not take an environment without clusters as a problem', () => {
    expect(
      ruleProblems(
        rule({
          id: 'r',
          clusters: { type: 'environment', environment: 'sandbox' },
        }),
        GROUPS,
        CLUSTERS,
      ),
    ).toEqual([]);
  });
});

describe('desiredBindings', () => {
  it('binds a cluster-wide rule with one ClusterRoleBinding naming the IAM groups, sorted', () => {
    const desired = desiredBindings(
      [
        rule({
          id: 'platform-view',
          group: 'group:default/platform',
          role: 'view',
        }),
      ],
      GROUPS,
      DEV,
      NAMESPACES,
      notEscalating,
    );
    expect(desired).toEqual([
      {
        cluster: 'atkv3-dev',
        kind: 'ClusterRoleBinding',
        name: 'skip-platform-view-view',
        role: 'view',
        groups: ['aad-tf-platform-oncall@kartverket.no', PLATFORM_EMAIL],
        groupRef: 'group:default/platform',
        ruleId: 'platform-view',
        escalating: false,
      },
    ]);
  });

  it('binds only the named namespaces that exist', () => {
    const desired = desiredBindings(
      [
        rule({
          id: 'r',
          namespaces: { type: 'names', names: ['seeiendom-api', 'not-yet'] },
        }),
      ],
      GROUPS,
      DEV,
      NAMESPACES,
      notEscalating,
    );
    expect(desired.map(d => [d.kind, d.namespace, d.name])).toEqual([
      ['RoleBinding', 'seeiendom-api', 'skip-r-edit'],
    ]);
  });

  it("binds every existing namespace with the team's prefix, and a new one when it appears", () => {
    const rules = teamDefaultRules(GROUPS);
    const before = desiredBindings(
      rules,
      GROUPS,
      DEV,
      NAMESPACES,
      notEscalating,
    );
    expect(before.map(d => d.namespace)).toEqual([
      'seeiendom-api',
      'seeiendom-web',
    ]);
    expect(before[0].groups).toEqual([SEEIENDOM_EMAIL]);
    const after = desiredBindings(
      rules,
      GROUPS,
      DEV,
      [...NAMESPACES, 'seeiendom-new'],
      notEscalating,
    );
    expect(after.map(d => d.namespace)).toEqual([
      'seeiendom-api',
      'seeiendom-new',
      'seeiendom-web',
    ]);
  });

  it('binds only cluster-wide when the namespaces could not be read', () => {
    const desired = desiredBindings(
      [
        rule({ id: 'wide' }),
        rule({
          id: 'prefix',
          namespaces: { type: 'team-prefix', team: 'group:default/seeiendom' },
        }),
        rule({
          id: 'named',
          namespaces: { type: 'names', names: ['seeiendom-api'] },
        }),
      ],
      GROUPS,
      DEV,
      undefined,
      notEscalating,
    );
    expect(desired.map(d => d.ruleId)).toEqual(['wide']);
  });

  it('binds nothing for a rule with a problem or for another cluster', () => {
    expect(
      desiredBindings(
        [
          rule({ id: 'a', group: 'group:default/noiam' }),
          rule({ id: 'b', group: 'group:default/unknown' }),
          rule({
            id: 'c',
            clusters: { type: 'environment', environment: 'prod' },
          }),
          rule({
            id: 'd',
            clusters: { type: 'cluster', cluster: 'atkv3-prod' },
          }),
        ],
        GROUPS,
        DEV,
        NAMESPACES,
        notEscalating,
      ),
    ).toEqual([]);
  });

  it('marks the bindings of escalating roles', () => {
    const desired = desiredBindings(
      [
        rule({ id: 'a', role: 'cluster-admin' }),
        rule({ id: 'b', role: 'view' }),
      ],
      GROUPS,
      DEV,
      NAMESPACES,
      role => role === 'cluster-admin',
    );
    expect(desired.map(d => [d.role, d.escalating])).toEqual([
      ['cluster-admin', true],
      ['view', false],
    ]);
  });

  it('gives the same bindings in a stable order whatever the order of the rules', () => {
    const rules = [
      rule({
        id: 'z',
        namespaces: { type: 'names', names: ['seeiendom-web', 'default'] },
      }),
      rule({ id: 'a', role: 'view' }),
      ...teamDefaultRules(GROUPS),
    ];
    const one = desiredBindings(rules, GROUPS, DEV, NAMESPACES, notEscalating);
    const two = desiredBindings(
      [...rules].reverse(),
      GROUPS,
      DEV,
      [...NAMESPACES].reverse(),
      notEscalating,
    );
    expect(two).toEqual(one);
    expect(one.map(d => `${d.kind} ${d.namespace ?? ''} ${d.name}`)).toEqual([
      'ClusterRoleBinding  skip-a-view',
      'RoleBinding default skip-z-edit',
      'RoleBinding seeiendom-api skip-default-seeiendom-edit',
      'RoleBinding seeiendom-web skip-default-seeiendom-edit',
      'RoleBinding seeiendom-web skip-z-edit',
    ]);
  });
});
