import {
  applied,
  DEV,
  GROUPS,
  handMadeBinding,
  managedBinding,
  PLATFORM_EMAIL,
  rule,
  SEEIENDOM_EMAIL,
  snapshot,
} from './__testUtils__/accessFixtures';
import { findDrift } from './findDrift';
import { planCluster } from './planCluster';
import { desiredBindings } from './resolveRules';
import { teamDefaultRules } from './teamDefaultRules';
import type { AppliedBindingKey, ClusterSnapshot, SourcedRule } from './types';

const RULES: SourcedRule[] = [
  ...teamDefaultRules(GROUPS),
  rule({ id: 'platform-view', group: 'group:default/platform', role: 'view' }),
];
const MANAGED = new Set(['group:default/seeiendom', 'group:default/platform']);
const desiredOn = (s: ClusterSnapshot) =>
  desiredBindings(RULES, GROUPS, DEV, s.namespaces, () => false);

/** The cluster after an apply of every rule, and what the portal remembers it applied. */
function appliedCluster(): {
  cluster: ClusterSnapshot;
  keys: AppliedBindingKey[];
} {
  const before = snapshot();
  const { changes } = planCluster(desiredOn(before), before);
  return {
    cluster: applied(before, changes),
    keys: changes.map(({ change }) => ({
      cluster: DEV.name,
      kind: change.kind,
      namespace: change.namespace,
      name: change.name,
    })),
  };
}
const drift = (s: ClusterSnapshot, keys: AppliedBindingKey[]) =>
  findDrift(desiredOn(s), s, keys, GROUPS, MANAGED);

describe('findDrift', () => {
  it('finds nothing right after an apply', () => {
    const { cluster, keys } = appliedCluster();
    expect(drift(cluster, keys)).toEqual([]);
  });

  it('tells a binding deleted by hand from one never applied', () => {
    const { cluster, keys } = appliedCluster();
    const withoutWeb = {
      ...cluster,
      bindings: cluster.bindings.filter(b => b.namespace !== 'seeiendom-web'),
    };
    expect(drift(withoutWeb, keys)).toEqual([
      {
        type: 'deleted',
        kind: 'RoleBinding',
        namespace: 'seeiendom-web',
        name: 'skip-default-seeiendom-edit',
        detail: 'deleted by hand',
        repairable: true,
      },
    ]);
    const findings = drift(snapshot(), []);
    expect(findings.map(f => [f.type, f.repairable])).toEqual([
      ['missing', true],
      ['missing', true],
      ['missing', true],
    ]);
    expect(findings[0].detail).toContain('not applied yet');
  });

  it('says a prefix namespace appeared after the rule was applied', () => {
    const { cluster, keys } = appliedCluster();
    const later = {
      ...cluster,
      namespaces: [...cluster.namespaces, 'seeiendom-new'],
    };
    expect(drift(later, keys)).toEqual([
      expect.objectContaining({
        type: 'missing',
        namespace: 'seeiendom-new',
        detail:
          'namespace seeiendom-new appeared after rule default-seeiendom was applied',
        repairable: true,
      }),
    ]);
  });

  it('does not count bindings the portal applied on another cluster', () => {
    const { keys } = appliedCluster();
    const elsewhere = keys.map(k => ({ ...k, cluster: 'atkv3-prod' }));
    expect(drift(snapshot(), elsewhere).map(f => f.type)).toEqual([
      'missing',
      'missing',
      'missing',
    ]);
  });

  it('names what was changed in a managed binding', () => {
    const { cluster, keys } = appliedCluster();
    const crb = cluster.bindings.find(b => b.kind === 'ClusterRoleBinding')!;
    crb.roleRef = { kind: 'ClusterRole', name: 'edit' };
    expect(drift(cluster, keys)).toEqual([
      expect.objectContaining({
        type: 'modified',
        name: 'skip-platform-view-view',
        detail: 'roleRef is edit, rule wants view',
        repairable: true,
      }),
    ]);
  });

  it('reports a same-name binding the portal does not own as a conflict it cannot repair', () => {
    const s = snapshot({
      bindings: [
        handMadeBinding({
          kind: 'ClusterRoleBinding',
          name: 'skip-platform-view-view',
          roleRef: { kind: 'ClusterRole', name: 'view' },
        }),
      ],
    });
    const conflict = drift(s, []).find(f => f.type === 'conflict');
    expect(conflict).toMatchObject({
      kind: 'ClusterRoleBinding',
      name: 'skip-platform-view-view',
      repairable: false,
    });
  });

  it("finds a hand-made namespace-admin binding giving a team's group cluster-admin", () => {
    const { cluster, keys } = appliedCluster();
    cluster.bindings.push(
      handMadeBinding({
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'namespace-admin',
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL.toUpperCase() }],
      }),
    );
    expect(drift(cluster, keys)).toEqual([
      {
        type: 'excess-grant',
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'namespace-admin',
        detail: `RoleBinding seeiendom-api/namespace-admin gives ${SEEIENDOM_EMAIL.toUpperCase()} cluster-admin; its rules (group:default/seeiendom) give edit`,
        repairable: false,
      },
    ]);
  });

  it('does not count a hand-made grant its rules already cover', () => {
    const { cluster, keys } = appliedCluster();
    cluster.bindings.push(
      // view in its namespace: its edit rule there covers it.
      handMadeBinding({
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'readers',
        roleRef: { kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL }],
      }),
      // view in any namespace: platform's cluster-wide view covers it.
      handMadeBinding({
        kind: 'RoleBinding',
        namespace: 'other-app',
        name: 'platform-view',
        roleRef: { kind: 'ClusterRole', name: 'view' },
        subjects: [{ kind: 'Group', name: PLATFORM_EMAIL }],
      }),
      // A group the rules do not manage.
      handMadeBinding({
        kind: 'ClusterRoleBinding',
        name: 'ops',
        roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
        subjects: [{ kind: 'Group', name: 'ops@kartverket.no' }],
      }),
    );
    expect(drift(cluster, keys)).toEqual([]);
  });

  it('finds grants outside the places and roles its rules give', () => {
    const { cluster, keys } = appliedCluster();
    cluster.bindings.push(
      handMadeBinding({
        kind: 'RoleBinding',
        namespace: 'other-app',
        name: 'seeiendom-edit',
        roleRef: { kind: 'ClusterRole', name: 'edit' },
        subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL }],
      }),
      handMadeBinding({
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'custom',
        roleRef: { kind: 'ClusterRole', name: 'secret-reader' },
        subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL }],
      }),
      handMadeBinding({
        kind: 'ClusterRoleBinding',
        name: 'platform-edit',
        roleRef: { kind: 'ClusterRole', name: 'edit' },
        subjects: [{ kind: 'Group', name: PLATFORM_EMAIL }],
      }),
    );
    expect(drift(cluster, keys).map(f => [f.type, f.name, f.detail])).toEqual([
      [
        'excess-grant',
        'platform-edit',
        `ClusterRoleBinding platform-edit gives ${PLATFORM_EMAIL} edit; its rules (group:default/platform) give view`,
      ],
      [
        'excess-grant',
        'seeiendom-edit',
        `RoleBinding other-app/seeiendom-edit gives ${SEEIENDOM_EMAIL} edit; its rules (group:default/seeiendom) give nothing here`,
      ],
      [
        'excess-grant',
        'custom',
        `RoleBinding seeiendom-api/custom gives ${SEEIENDOM_EMAIL} secret-reader; its rules (group:default/seeiendom) give edit`,
      ],
    ]);
  });

  it('takes a managed binding no rule wants as a pending delete, not drift', () => {
    const s = snapshot({
      bindings: [
        managedBinding('gone', {
          kind: 'ClusterRoleBinding',
          name: 'skip-gone-cluster-admin',
          roleRef: { kind: 'ClusterRole', name: 'cluster-admin' },
          subjects: [{ kind: 'Group', name: SEEIENDOM_EMAIL }],
        }),
      ],
    });
    expect(findDrift([], s, [], GROUPS, MANAGED)).toEqual([]);
  });
});
