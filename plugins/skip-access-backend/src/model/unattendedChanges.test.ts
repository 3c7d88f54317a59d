import { planCluster } from './planCluster';
import { desiredBindings } from './resolveRules';
import { ruleFingerprint } from './ruleFingerprint';
import type { AppliedBinding, SourcedRule } from './types';
import { newNamespaceCreates, repairChanges } from './unattendedChanges';
import {
  applied,
  DEV,
  GROUPS,
  rule,
  snapshot,
} from './__testUtils__/accessFixtures';

const prefixRule = rule({
  id: 'team-edit',
  namespaces: { type: 'team-prefix', team: 'group:default/seeiendom' },
});

const want = (rules: SourcedRule[], namespaces: string[]) =>
  desiredBindings(rules, GROUPS, DEV, namespaces, () => false, {
    fingerprintOf: r => ruleFingerprint(r, GROUPS),
  });

/** What the store remembers after a person applied `rules` on the cluster with these namespaces. */
function appliedBy(
  rules: SourcedRule[],
  namespaces: string[],
): AppliedBinding[] {
  return want(rules, namespaces).map(d => ({
    cluster: d.cluster,
    kind: d.kind,
    namespace: d.namespace,
    name: d.name,
    ruleId: d.ruleId,
    ruleFingerprint: d.ruleFingerprint!,
  }));
}

describe('what the portal writes without a previewed plan', () => {
  const before = snapshot();
  const firstApply = planCluster(want([prefixRule], before.namespaces), before);
  const live = applied(before, firstApply.changes);
  const remembered = appliedBy([prefixRule], before.namespaces);
  const withNewNamespace = {
    ...live,
    namespaces: [...live.namespaces, 'seeiendom-pr-1'],
  };

  it('creates the binding of an applied, unchanged rule in a namespace that appeared since', () => {
    const plan = planCluster(
      want([prefixRule], withNewNamespace.namespaces),
      withNewNamespace,
    );
    expect(
      newNamespaceCreates(plan.changes, remembered).map(
        c => c.change.namespace,
      ),
    ).toEqual(['seeiendom-pr-1']);
  });

  it('leaves a rule never applied, or edited since, to its plan', () => {
    const edited = { ...prefixRule, group: 'group:default/platform' };
    const plan = planCluster(
      want([edited], withNewNamespace.namespaces),
      withNewNamespace,
    );
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(newNamespaceCreates(plan.changes, remembered)).toEqual([]);
    expect(repairChanges(plan.changes, remembered)).toEqual([]);
    const fresh = planCluster(want([prefixRule], before.namespaces), before);
    expect(newNamespaceCreates(fresh.changes, [])).toEqual([]);
    expect(repairChanges(fresh.changes, [])).toEqual([]);
  });

  it('repairs a binding changed or deleted by hand, and never deletes', () => {
    const [first, second] = live.bindings;
    const handled = {
      ...live,
      bindings: [
        { ...first, subjects: [] },
        ...live.bindings.filter(b => b !== first && b !== second),
      ],
    };
    const plan = planCluster(want([prefixRule], handled.namespaces), handled);
    expect(
      repairChanges(plan.changes, remembered)
        .map(c => `${c.change.action} ${c.change.namespace}`)
        .sort(),
    ).toEqual([`create ${second.namespace}`, `update ${first.namespace}`]);
    const noRules = planCluster([], live);
    expect(noRules.changes.every(c => c.change.action === 'delete')).toBe(true);
    expect(repairChanges(noRules.changes, remembered)).toEqual([]);
  });
});

describe('ruleFingerprint', () => {
  it("changes with the rule, its group's IAM emails and the team prefix, not with who wrote it", () => {
    const base = ruleFingerprint(prefixRule, GROUPS);
    expect(
      ruleFingerprint(
        { ...prefixRule, updatedBy: 'user:default/x', source: 'git' },
        GROUPS,
      ),
    ).toBe(base);
    expect(ruleFingerprint({ ...prefixRule, role: 'view' }, GROUPS)).not.toBe(
      base,
    );
    const moreEmails = GROUPS.map(g =>
      g.ref === 'group:default/seeiendom'
        ? { ...g, iamGroups: [...g.iamGroups, 'x@kartverket.no'] }
        : g,
    );
    expect(ruleFingerprint(prefixRule, moreEmails)).not.toBe(base);
    const otherPrefix = GROUPS.map(g =>
      g.ref === 'group:default/seeiendom' ? { ...g, prefix: 'se-' } : g,
    );
    expect(ruleFingerprint(prefixRule, otherPrefix)).not.toBe(base);
  });
});

describe('team prefixes and system namespaces', () => {
  it('never reaches a system namespace through a prefix, but does through a name', () => {
    const kubePrefix = GROUPS.map(g =>
      g.ref === 'group:default/seeiendom' ? { ...g, prefix: 'kube-' } : g,
    );
    const system = (ns: string) => ns === 'kube-system';
    expect(
      desiredBindings(
        [prefixRule],
        kubePrefix,
        DEV,
        ['kube-system', 'kube-team'],
        () => false,
        {
          isSystemNamespace: system,
        },
      ).map(d => d.namespace),
    ).toEqual(['kube-team']);
    expect(
      desiredBindings(
        [
          rule({
            id: 'named',
            namespaces: { type: 'names', names: ['kube-system'] },
          }),
        ],
        GROUPS,
        DEV,
        ['kube-system'],
        () => false,
        { isSystemNamespace: system },
      ).map(d => d.namespace),
    ).toEqual(['kube-system']);
  });
});
