import { RBAC_RULE_LABEL } from '@internal/plugin-skip-common';
import {
  applied,
  DEV,
  GROUPS,
  handMadeBinding,
  managedBinding,
  rule,
  SEEIENDOM_EMAIL,
  snapshot,
} from './__testUtils__/accessFixtures';
import { planCluster } from './planCluster';
import { desiredBindings } from './resolveRules';
import { teamDefaultRules } from './teamDefaultRules';
import type { ClusterSnapshot, SourcedRule } from './types';

const RULES: SourcedRule[] = [
  ...teamDefaultRules(GROUPS),
  rule({ id: 'platform-view', group: 'group:default/platform', role: 'view' }),
];
const desiredOn = (s: ClusterSnapshot, rules = RULES) =>
  desiredBindings(
    rules,
    GROUPS,
    DEV,
    s.namespaces,
    role => role === 'cluster-admin',
  );
const plan = (s: ClusterSnapshot, rules = RULES) =>
  planCluster(desiredOn(s, rules), s);
const summary = (s: ClusterSnapshot, rules = RULES) =>
  plan(s, rules).changes.map(
    ({ change }) =>
      `${change.action} ${change.kind} ${change.namespace ?? ''}/${
        change.name
      }`,
  );

describe('planCluster', () => {
  it('creates every wanted binding on an empty cluster, with an all-added diff', () => {
    const result = plan(snapshot());
    expect(summary(snapshot())).toEqual([
      'create ClusterRoleBinding /skip-platform-view-view',
      'create RoleBinding seeiendom-api/skip-default-seeiendom-edit',
      'create RoleBinding seeiendom-web/skip-default-seeiendom-edit',
    ]);
    const create = result.changes[1];
    expect(create.desired?.namespace).toBe('seeiendom-api');
    expect(create.change).toMatchObject({
      role: 'edit',
      groups: [SEEIENDOM_EMAIL],
      ruleIds: ['default-seeiendom'],
      escalating: false,
    });
    expect(create.change.reason).toContain('default-seeiendom');
    expect(create.change.diff.length).toBeGreaterThan(0);
    expect(create.change.diff.every(l => l.op === '+')).toBe(true);
    expect(create.change.diff.map(l => l.text).join('\n')).toContain(
      SEEIENDOM_EMAIL,
    );
    expect(result.unchanged).toBe(0);
  });

  it('plans nothing more once the plan is applied', () => {
    const before = snapshot();
    const after = applied(before, plan(before).changes);
    const again = plan(after);
    expect(again.changes).toEqual([]);
    expect(again.conflicts).toEqual([]);
    expect(again.unchanged).toBe(3);
  });

  it('creates the binding of a namespace created after the apply, and only that', () => {
    const first = applied(snapshot(), plan(snapshot()).changes);
    const later = {
      ...first,
      namespaces: [...first.namespaces, 'seeiendom-new'],
    };
    expect(summary(later)).toEqual([
      'create RoleBinding seeiendom-new/skip-default-seeiendom-edit',
    ]);
  });

  it('never updates or deletes a same-name binding without the managed-by label: a conflict', () => {
    const s = snapshot({
      bindings: [
        handMadeBinding({
          kind: 'RoleBinding',
          namespace: 'seeiendom-api',
          name: 'skip-default-seeiendom-edit',
          roleRef: { kind: 'ClusterRole', name: 'admin' },
          subjects: [{ kind: 'User', name: 'someone@kartverket.no' }],
        }),
      ],
    });
    const result = plan(s);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        kind: 'RoleBinding',
        namespace: 'seeiendom-api',
        name: 'skip-default-seeiendom-edit',
      }),
    ]);
    expect(result.conflicts[0].reason).toMatch(/not the portal's.*left alone/);
    expect(
      result.changes.filter(c => c.change.namespace === 'seeiendom-api'),
    ).toEqual([]);
    // Still a conflict when no rule wants it: it is never deleted either.
    expect(plan(s, []).changes).toEqual([]);
    expect(plan(s, []).conflicts).toEqual([]);
  });

  it('leaves unmanaged bindings with other names alone', () => {
    const s = snapshot({
      bindings: [
        handMadeBinding({
          kind: 'ClusterRoleBinding',
          name: 'system:basic-user',
        }),
        handMadeBinding({
          kind: 'RoleBinding',
          namespace: 'seeiendom-api',
          name: 'namespace-admin',
        }),
      ],
    });
    expect(plan(s).changes.filter(c => c.change.action !== 'create')).toEqual(
      [],
    );
    expect(plan(s).conflicts).toEqual([]);
  });

  it('updates a managed binding changed by hand, naming what differs', () => {
    const before = applied(snapshot(), plan(snapshot()).changes);
    const tampered = before.bindings.find(
      b => b.namespace === 'seeiendom-web',
    )!;
    tampered.subjects = [
      ...tampered.subjects,
      { kind: 'Group', name: 'intruders@kartverket.no' },
    ];
    const result = plan(before);
    expect(result.changes).toHaveLength(1);
    const { change, live, desired } = result.changes[0];
    expect(change).toMatchObject({
      action: 'update',
      namespace: 'seeiendom-web',
      role: 'edit',
      groups: [SEEIENDOM_EMAIL],
    });
    expect(change.reason).toContain('intruders@kartverket.no');
    expect(live).toBe(tampered);
    expect(desired?.ruleId).toBe('default-seeiendom');
    expect(change.diff.filter(l => l.op !== ' ')).toEqual([
      { op: '-', text: '  - kind: Group' },
      { op: '-', text: '    name: intruders@kartverket.no' },
    ]);
    expect(result.unchanged).toBe(2);
  });

  it('updates a managed binding whose role differs, saying which', () => {
    const s = snapshot({
      bindings: [
        managedBinding('platform-view', {
          kind: 'ClusterRoleBinding',
          name: 'skip-platform-view-view',
          roleRef: { kind: 'ClusterRole', name: 'edit' },
          subjects: [
            { kind: 'Group', name: 'aad-tf-platform-oncall@kartverket.no' },
            { kind: 'Group', name: 'aad-tf-team-platform@kartverket.no' },
          ],
        }),
      ],
    });
    const update = plan(s).changes.find(c => c.change.action === 'update')!;
    expect(update.change.reason).toBe('roleRef is edit, rule wants view');
    expect(update.change.diff).toEqual(
      expect.arrayContaining([
        { op: '-', text: '  name: edit' },
        { op: '+', text: '  name: view' },
      ]),
    );
  });

  it("replaces a rule's binding when its role changes: create the new, delete the old", () => {
    const before = applied(snapshot(), plan(snapshot()).changes);
    const rules = [
      ...teamDefaultRules(GROUPS),
      rule({
        id: 'platform-view',
        group: 'group:default/platform',
        role: 'admin',
      }),
    ];
    const result = plan(before, rules);
    expect(summary(before, rules)).toEqual([
      'create ClusterRoleBinding /skip-platform-view-admin',
      'delete ClusterRoleBinding /skip-platform-view-view',
    ]);
    const remove = result.changes[1];
    expect(remove.change).toMatchObject({
      role: 'view',
      ruleIds: ['platform-view'],
      escalating: false,
      groups: [
        'aad-tf-platform-oncall@kartverket.no',
        'aad-tf-team-platform@kartverket.no',
      ],
    });
    expect(remove.change.reason).toBe(
      'no rule wants it any more (it came from rule platform-view)',
    );
    expect(remove.change.diff.every(l => l.op === '-')).toBe(true);
    expect(remove.live?.name).toBe('skip-platform-view-view');
  });

  it('deletes a managed binding without a rule label when no rule wants it', () => {
    const orphan = managedBinding('x', {
      kind: 'ClusterRoleBinding',
      name: 'skip-old',
    });
    delete orphan.labels[RBAC_RULE_LABEL];
    const result = plan(snapshot({ bindings: [orphan] }), []);
    expect(
      result.changes.map(c => [c.change.action, c.change.ruleIds]),
    ).toEqual([['delete', []]]);
    expect(result.changes[0].change.reason).toContain(
      'no rule wants it any more',
    );
  });

  it('marks changes that bind an escalating role', () => {
    const rules = [rule({ id: 'break-glass', role: 'cluster-admin' })];
    expect(plan(snapshot(), rules).changes[0].change.escalating).toBe(true);
  });

  it('gives the same plan whatever the order of the live bindings', () => {
    const s = snapshot({
      bindings: [
        managedBinding('gone-1', {
          kind: 'RoleBinding',
          namespace: 'b',
          name: 'skip-gone-1-edit',
        }),
        managedBinding('gone-2', {
          kind: 'ClusterRoleBinding',
          name: 'skip-gone-2-edit',
        }),
        managedBinding('gone-3', {
          kind: 'RoleBinding',
          namespace: 'a',
          name: 'skip-gone-3-edit',
        }),
      ],
    });
    const reversed = { ...s, bindings: [...s.bindings].reverse() };
    expect(plan(reversed)).toEqual(plan(s));
  });
});
