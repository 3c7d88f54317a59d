import { RBAC_RULE_LABEL } from '@internal/plugin-skip-common';
import { managedBinding } from './__testUtils__/accessFixtures';
import { bindingDifferences } from './bindingDifferences';
import type { DesiredBinding, LiveBinding } from './types';

const desired: DesiredBinding = {
  cluster: 'atkv3-dev',
  kind: 'RoleBinding',
  namespace: 'seeiendom-api',
  name: 'skip-r-edit',
  role: 'edit',
  groups: ['a@kartverket.no', 'b@kartverket.no'],
  groupRef: 'group:default/seeiendom',
  ruleId: 'r',
  escalating: false,
};
const asWanted = (overrides: Partial<LiveBinding> = {}): LiveBinding =>
  managedBinding('r', {
    kind: 'RoleBinding',
    namespace: 'seeiendom-api',
    name: 'skip-r-edit',
    roleRef: { kind: 'ClusterRole', name: 'edit' },
    subjects: [
      {
        kind: 'Group',
        name: 'b@kartverket.no',
        apiGroup: 'rbac.authorization.k8s.io',
      },
      { kind: 'Group', name: 'a@kartverket.no' },
    ],
    ...overrides,
  });

describe('bindingDifferences', () => {
  it('finds none when the binding is as wanted, in whatever subject order', () => {
    expect(bindingDifferences(desired, asWanted())).toEqual([]);
  });

  it('ignores labels and annotations others put on the binding', () => {
    const live = asWanted();
    live.labels['argocd.argoproj.io/instance'] = 'x';
    live.annotations.note = 'hello';
    expect(bindingDifferences(desired, live)).toEqual([]);
  });

  it('names a changed role', () => {
    expect(
      bindingDifferences(
        desired,
        asWanted({ roleRef: { kind: 'ClusterRole', name: 'view' } }),
      ),
    ).toEqual(['roleRef is view, rule wants edit']);
    expect(
      bindingDifferences(
        desired,
        asWanted({ roleRef: { kind: 'Role', name: 'edit' } }),
      ),
    ).toEqual(['roleRef is Role edit, rule wants ClusterRole edit']);
  });

  it('names subjects removed or added by hand, of any kind', () => {
    expect(
      bindingDifferences(
        desired,
        asWanted({
          subjects: [
            { kind: 'Group', name: 'a@kartverket.no' },
            { kind: 'User', name: 'someone@kartverket.no' },
            { kind: 'ServiceAccount', name: 'ci', namespace: 'seeiendom-api' },
          ],
        }),
      ),
    ).toEqual([
      "subjects differ from the group's IAM groups (missing b@kartverket.no; extra ServiceAccount seeiendom-api/ci, User someone@kartverket.no)",
    ]);
  });

  it('names a rule label that does not match', () => {
    const live = asWanted();
    live.labels[RBAC_RULE_LABEL] = 'other';
    expect(bindingDifferences(desired, live)).toEqual([
      `label ${RBAC_RULE_LABEL} is other, rule is r`,
    ]);
  });
});
