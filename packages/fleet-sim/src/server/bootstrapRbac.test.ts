import { ObjectStore } from '../store/ObjectStore';
import { bootstrapRbacObjects, seedBootstrapRbac } from './bootstrapRbac';

const RBAC = 'rbac.authorization.k8s.io/v1';

type Rule = { verbs: string[]; apiGroups?: string[]; resources?: string[]; nonResourceURLs?: string[] };
const rulesOf = (store: ObjectStore, name: string) => (store.get(RBAC, 'ClusterRole', undefined, name)?.rules ?? []) as Rule[];
/** Whether some rule grants `verb` on group/resource. */
const allows = (rules: Rule[], verb: string, group: string, resource: string) =>
  rules.some(
    r =>
      (r.verbs.includes(verb) || r.verbs.includes('*')) &&
      (r.apiGroups?.includes(group) || r.apiGroups?.includes('*')) &&
      (r.resources?.includes(resource) || r.resources?.includes('*')),
  );

describe('bootstrap RBAC', () => {
  const store = new ObjectStore();
  seedBootstrapRbac(store, new Date('2025-01-02T03:04:05.678Z'));

  it('creates the user-facing and system ClusterRoles with the bootstrapping label', () => {
    const names = store.list(RBAC, 'ClusterRole').map(r => r.metadata.name);
    expect(names).toEqual(expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view', 'system:discovery', 'system:basic-user', 'system:public-info-viewer']));
    for (const role of store.list(RBAC, 'ClusterRole')) {
      expect(role.metadata.annotations).toEqual({ 'rbac.authorization.kubernetes.io/autoupdate': 'true' });
      expect(role.metadata.creationTimestamp).toBe('2025-01-02T03:04:05Z');
      expect(role.metadata.generation).toBeUndefined();
      expect(role.metadata.managedFields).toEqual(expect.arrayContaining([expect.objectContaining({ manager: 'kube-apiserver', operation: 'Update', fieldsType: 'FieldsV1' })]));
    }
    expect(store.get(RBAC, 'ClusterRole', undefined, 'view')?.metadata.labels).toEqual({
      'kubernetes.io/bootstrapping': 'rbac-defaults',
      'rbac.authorization.k8s.io/aggregate-to-edit': 'true',
    });
    expect(store.get(RBAC, 'ClusterRole', undefined, 'admin')?.aggregationRule).toEqual({
      clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-admin': 'true' } }],
    });
  });

  it('gives cluster-admin everything, admin namespace RBAC without escalate or bind, edit workloads, view reads without secrets', () => {
    expect(rulesOf(store, 'cluster-admin')).toEqual([
      { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
      { verbs: ['*'], nonResourceURLs: ['*'] },
    ]);
    const admin = rulesOf(store, 'admin');
    expect(allows(admin, 'create', 'rbac.authorization.k8s.io', 'rolebindings')).toBe(true);
    expect(allows(admin, 'update', 'rbac.authorization.k8s.io', 'roles')).toBe(true);
    expect(admin.some(r => r.verbs.includes('escalate') || r.verbs.includes('bind') || r.verbs.includes('*'))).toBe(false);
    expect(allows(admin, 'create', 'rbac.authorization.k8s.io', 'clusterrolebindings')).toBe(false);

    const edit = rulesOf(store, 'edit');
    expect(allows(edit, 'patch', 'apps', 'deployments')).toBe(true);
    expect(allows(edit, 'create', '', 'secrets')).toBe(true);
    expect(edit.some(r => r.apiGroups?.includes('rbac.authorization.k8s.io'))).toBe(false);

    const view = rulesOf(store, 'view');
    expect(allows(view, 'list', 'apps', 'deployments')).toBe(true);
    expect(allows(view, 'get', '', 'secrets')).toBe(false);
    expect(view.every(r => r.verbs.every(v => ['get', 'list', 'watch'].includes(v)))).toBe(true);
  });

  it('binds cluster-admin to system:masters and the discovery roles to every authenticated user', () => {
    const subjects = (name: string) => store.get(RBAC, 'ClusterRoleBinding', undefined, name)?.subjects;
    const group = (name: string) => ({ kind: 'Group', apiGroup: 'rbac.authorization.k8s.io', name });
    expect(subjects('cluster-admin')).toEqual([group('system:masters')]);
    expect(subjects('system:discovery')).toEqual([group('system:authenticated')]);
    expect(subjects('system:basic-user')).toEqual([group('system:authenticated')]);
    expect(store.get(RBAC, 'ClusterRoleBinding', undefined, 'cluster-admin')?.roleRef).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' });
  });

  it('leaves existing objects alone when seeded again', () => {
    const rv = store.currentResourceVersion();
    seedBootstrapRbac(store, new Date());
    expect(store.currentResourceVersion()).toBe(rv);
    expect(store.list(RBAC, 'ClusterRole').length + store.list(RBAC, 'ClusterRoleBinding').length).toBe(bootstrapRbacObjects(new Date()).length);
  });
});
