import {
  RBAC_GROUP_ANNOTATION,
  RBAC_MANAGED_BY_LABEL,
  RBAC_RULE_LABEL,
} from '@internal/plugin-skip-common';
import {
  handMadeBinding,
  managedBinding,
} from './__testUtils__/accessFixtures';
import { bindingManifest, isManaged } from './bindingManifest';
import type { DesiredBinding } from './types';

const desired: DesiredBinding = {
  cluster: 'atkv3-dev',
  kind: 'RoleBinding',
  namespace: 'seeiendom-api',
  name: 'skip-default-seeiendom-edit',
  role: 'edit',
  groups: ['a@kartverket.no', 'b@kartverket.no'],
  groupRef: 'group:default/seeiendom',
  ruleId: 'default-seeiendom',
  escalating: false,
};

describe('bindingManifest', () => {
  it('writes a RoleBinding the portal can recognise as its own later', () => {
    expect(bindingManifest(desired)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: {
        name: 'skip-default-seeiendom-edit',
        namespace: 'seeiendom-api',
        labels: {
          [RBAC_MANAGED_BY_LABEL]: 'skip-portal',
          [RBAC_RULE_LABEL]: 'default-seeiendom',
        },
        annotations: { [RBAC_GROUP_ANNOTATION]: 'group:default/seeiendom' },
      },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'edit',
      },
      subjects: [
        {
          kind: 'Group',
          apiGroup: 'rbac.authorization.k8s.io',
          name: 'a@kartverket.no',
        },
        {
          kind: 'Group',
          apiGroup: 'rbac.authorization.k8s.io',
          name: 'b@kartverket.no',
        },
      ],
    });
  });

  it('gives a ClusterRoleBinding no namespace', () => {
    const manifest = bindingManifest({
      ...desired,
      kind: 'ClusterRoleBinding',
      namespace: undefined,
    });
    expect(manifest.kind).toBe('ClusterRoleBinding');
    expect(manifest.metadata).not.toHaveProperty('namespace');
  });
});

describe('isManaged', () => {
  it('owns only bindings with its managed-by label value', () => {
    expect(
      isManaged(managedBinding('r', { kind: 'RoleBinding', name: 'x' })),
    ).toBe(true);
    expect(isManaged(handMadeBinding({ kind: 'RoleBinding', name: 'x' }))).toBe(
      false,
    );
    expect(
      isManaged(
        handMadeBinding({
          kind: 'RoleBinding',
          name: 'x',
          labels: { [RBAC_MANAGED_BY_LABEL]: 'Helm' },
        }),
      ),
    ).toBe(false);
  });
});
