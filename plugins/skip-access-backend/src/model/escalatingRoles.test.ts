import {
  DEFAULT_ESCALATING_ROLES,
  isEscalatingRole,
  roleRank,
} from './escalatingRoles';
import type { LivePolicyRule } from './types';

const defaults = new Set(DEFAULT_ESCALATING_ROLES);

/** The gist of the stock `admin` ClusterRole (aggregated from admin, edit and view). */
const STOCK_ADMIN: LivePolicyRule[] = [
  {
    apiGroups: [''],
    resources: ['pods', 'services', 'secrets', 'configmaps'],
    verbs: ['create', 'delete', 'deletecollection', 'patch', 'update'],
  },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['rolebindings', 'roles'],
    verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch'],
  },
  {
    apiGroups: ['authorization.k8s.io'],
    resources: ['localsubjectaccessreviews'],
    verbs: ['create'],
  },
];
const STOCK_CLUSTER_ADMIN: LivePolicyRule[] = [
  { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
  { nonResourceURLs: ['*'], verbs: ['*'] },
];

describe('isEscalatingRole', () => {
  it('takes cluster-admin as escalating by configuration, even unseen', () => {
    expect(isEscalatingRole('cluster-admin', undefined, defaults)).toBe(true);
    expect(isEscalatingRole('cluster-admin', [], defaults)).toBe(true);
  });

  it('does not take stock admin, edit or view as escalating', () => {
    expect(isEscalatingRole('admin', STOCK_ADMIN, defaults)).toBe(false);
    expect(
      isEscalatingRole(
        'view',
        [{ apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list'] }],
        defaults,
      ),
    ).toBe(false);
  });

  it('takes a role unknown on the cluster as not escalating unless configured', () => {
    expect(isEscalatingRole('team-x', undefined, defaults)).toBe(false);
    expect(isEscalatingRole('team-x', undefined, new Set(['team-x']))).toBe(
      true,
    );
  });

  it('tells a custom role that is cluster-admin by another name', () => {
    expect(isEscalatingRole('super', STOCK_CLUSTER_ADMIN, defaults)).toBe(true);
  });

  it.each<[string, LivePolicyRule]>([
    ['verb *', { apiGroups: [''], resources: ['pods'], verbs: ['*'] }],
    [
      'escalate',
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['roles'],
        verbs: ['escalate'],
      },
    ],
    [
      'bind',
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['clusterroles'],
        verbs: ['bind'],
      },
    ],
    [
      'impersonating users',
      {
        apiGroups: [''],
        resources: ['users', 'groups'],
        verbs: ['impersonate'],
      },
    ],
    [
      'writing everything',
      { apiGroups: ['*'], resources: ['*'], verbs: ['create'] },
    ],
    [
      'writing clusterrolebindings',
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['clusterrolebindings'],
        verbs: ['create'],
      },
    ],
    [
      'patching clusterroles in any group',
      { apiGroups: ['*'], resources: ['clusterroles'], verbs: ['patch'] },
    ],
    [
      'writing every RBAC resource',
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['*'],
        verbs: ['update'],
      },
    ],
  ])('takes a role %s as escalating', (_, rule) => {
    expect(isEscalatingRole('custom', [rule], defaults)).toBe(true);
  });

  it.each<[string, LivePolicyRule]>([
    [
      'reading clusterroles',
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['clusterroles', 'clusterrolebindings'],
        verbs: ['get', 'list', 'watch'],
      },
    ],
    [
      'writing namespaced rolebindings',
      {
        apiGroups: ['rbac.authorization.k8s.io'],
        resources: ['rolebindings'],
        verbs: ['create', 'update', 'delete'],
      },
    ],
    [
      'writing clusterroles of another API group',
      {
        apiGroups: ['example.com'],
        resources: ['clusterroles'],
        verbs: ['create'],
      },
    ],
    [
      'writing every resource of one API group',
      { apiGroups: ['apps'], resources: ['*'], verbs: ['create'] },
    ],
  ])('does not take a role %s as escalating', (_, rule) => {
    expect(isEscalatingRole('custom', [rule], defaults)).toBe(false);
  });
});

describe('roleRank', () => {
  it('orders the stock roles and knows no other', () => {
    expect(roleRank('view')).toBeLessThan(roleRank('edit')!);
    expect(roleRank('edit')).toBeLessThan(roleRank('admin')!);
    expect(roleRank('admin')).toBeLessThan(roleRank('cluster-admin')!);
    expect(roleRank('team-reader')).toBeUndefined();
    expect(roleRank('constructor')).toBeUndefined();
  });
});
