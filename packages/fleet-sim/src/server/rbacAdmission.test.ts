import { ObjectStore } from '../store/ObjectStore';
import { PodLogs } from '../store/PodLogs';
import { KubeObject } from '../store/types';
import { seedBootstrapRbac } from './bootstrapRbac';
import { ClusterResources } from './ClusterResources';
import { KubeStatusError } from './KubeStatusError';
import { ResourceRegistry } from './resources';
import { parseLabelSelector } from './selectors';

const RBAC = 'rbac.authorization.k8s.io';

function setup() {
  const registry = new ResourceRegistry();
  const store = new ObjectStore();
  store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  seedBootstrapRbac(store);
  const resources = new ClusterResources(store, new PodLogs(), registry);
  return {
    store,
    resources,
    roleBindings: registry.find(RBAC, 'v1', 'rolebindings')!,
    clusterRoleBindings: registry.find(RBAC, 'v1', 'clusterrolebindings')!,
  };
}

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as KubeStatusError;
  }
  throw new Error('expected an error');
};

/** A RoleBinding as the access plugin applies it: subjects without apiGroup, which the server defaults. */
const binding = (role: string, group = 'aad-tf-team-a@kartverket.no'): KubeObject => ({
  apiVersion: `${RBAC}/v1`,
  kind: 'RoleBinding',
  metadata: { name: 'team-a-edit', namespace: 'team-a', labels: { 'app.kubernetes.io/managed-by': 'skip-portal' } },
  roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: role },
  subjects: [{ kind: 'Group', name: group }],
});

describe('RBAC bindings through ClusterResources', () => {
  it('creates with server-side apply, defaults subject apiGroups, and a second identical apply writes nothing', () => {
    const { resources, roleBindings, store } = setup();
    const first = resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit'), { fieldManager: 'skip-portal-access', force: true });
    expect(first.created).toBe(true);
    expect(first.object.subjects).toEqual([{ kind: 'Group', apiGroup: RBAC, name: 'aad-tf-team-a@kartverket.no' }]);
    expect(first.object.metadata.managedFields).toEqual([expect.objectContaining({ manager: 'skip-portal-access', operation: 'Apply' })]);
    const rv = store.currentResourceVersion();

    const again = resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit'), { fieldManager: 'skip-portal-access', force: true });
    expect(again.created).toBe(false);
    expect(again.object.metadata.resourceVersion).toBe(first.object.metadata.resourceVersion);
    expect(store.currentResourceVersion()).toBe(rv);

    const changed = resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit', 'aad-tf-team-b@kartverket.no'), { fieldManager: 'skip-portal-access', force: true });
    expect(Number(changed.object.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
    expect((changed.object.subjects as { name: string }[])[0].name).toBe('aad-tf-team-b@kartverket.no');
  });

  it('refuses to change roleRef with 422 Invalid, by apply, update and merge patch alike', () => {
    const { resources, roleBindings, clusterRoleBindings } = setup();
    resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit'), { fieldManager: 'm', force: true });

    const applied = errorOf(() => resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('admin'), { fieldManager: 'm', force: true }));
    expect([applied.code, applied.reason]).toEqual([422, 'Invalid']);
    expect(applied.message).toBe(
      'RoleBinding.rbac.authorization.k8s.io "team-a-edit" is invalid: roleRef: Invalid value: ' +
        'rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"admin"}: cannot change roleRef',
    );
    expect(applied.details).toMatchObject({ name: 'team-a-edit', group: RBAC, kind: 'RoleBinding', causes: [{ reason: 'FieldValueInvalid', field: 'roleRef' }] });

    const live = resources.get(roleBindings, 'team-a', 'team-a-edit');
    const updated = errorOf(() => resources.update(roleBindings, 'team-a', 'team-a-edit', { ...live, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' } }, {}));
    expect(updated.code).toBe(422);
    const merged = errorOf(() => resources.patch(roleBindings, 'team-a', 'team-a-edit', 'merge', { roleRef: { name: 'view' } }, {}));
    expect(merged.code).toBe(422);
    expect((resources.get(roleBindings, 'team-a', 'team-a-edit').roleRef as { name: string }).name).toBe('edit');

    // The built-in cluster-admin binding is no different.
    const crb = resources.get(clusterRoleBindings, undefined, 'cluster-admin');
    const builtin = errorOf(() => resources.update(clusterRoleBindings, undefined, 'cluster-admin', { ...crb, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' } }, {}));
    expect(builtin.message).toMatch(/^ClusterRoleBinding\.rbac\.authorization\.k8s\.io "cluster-admin" is invalid: roleRef: Invalid value: .*cannot change roleRef$/);
  });

  it('validates roleRef and subjects as kube-apiserver does', () => {
    const { resources, roleBindings, clusterRoleBindings } = setup();
    const badKind = errorOf(() =>
      resources.create(roleBindings, 'team-a', { ...binding('edit'), roleRef: { apiGroup: RBAC, kind: 'User', name: 'x' } }, {}),
    );
    expect(badKind.message).toBe('RoleBinding.rbac.authorization.k8s.io "team-a-edit" is invalid: roleRef.kind: Unsupported value: "User": supported values: "Role", "ClusterRole"');
    const roleInCluster = errorOf(() =>
      resources.create(clusterRoleBindings, undefined, { ...binding('edit'), kind: 'ClusterRoleBinding', metadata: { name: 'x' }, roleRef: { kind: 'Role', name: 'r' } }, {}),
    );
    expect(roleInCluster.details?.causes?.map(c => c.field)).toEqual(['roleRef.kind']);
    const saWithoutNamespace = errorOf(() =>
      resources.create(clusterRoleBindings, undefined, { ...binding('view'), kind: 'ClusterRoleBinding', metadata: { name: 'x' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }, { kind: 'Team', name: 't' }] }, {}),
    );
    expect(saWithoutNamespace.details?.causes?.map(c => [c.field, c.reason])).toEqual([
      ['subjects[0].namespace', 'FieldValueRequired'],
      ['subjects[1].kind', 'FieldValueNotSupported'],
    ]);
  });

  it('deletes only the object the caller read: uid and resourceVersion preconditions answer 409', () => {
    const { resources, roleBindings } = setup();
    const read = resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit'), { fieldManager: 'm', force: true }).object;
    resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit', 'someone-else@kartverket.no'), { fieldManager: 'm', force: true });

    const stale = errorOf(() => resources.delete(roleBindings, 'team-a', 'team-a-edit', { preconditionResourceVersion: read.metadata.resourceVersion }));
    const current = resources.get(roleBindings, 'team-a', 'team-a-edit');
    expect([stale.code, stale.reason]).toEqual([409, 'Conflict']);
    expect(stale.message).toBe(
      `Operation cannot be fulfilled on RoleBinding.rbac.authorization.k8s.io "team-a-edit": the ResourceVersion in the precondition (${read.metadata.resourceVersion}) ` +
        `does not match the ResourceVersion in record (${current.metadata.resourceVersion}). The object might have been modified`,
    );
    expect(stale.details).toEqual({ name: 'team-a-edit', group: RBAC, kind: 'RoleBinding' });

    const otherUid = errorOf(() => resources.delete(roleBindings, 'team-a', 'team-a-edit', { preconditionUid: 'not-the-uid' }));
    expect(otherUid.code).toBe(409);
    expect(otherUid.message).toContain('the UID in the precondition (not-the-uid) does not match the UID in record');

    resources.delete(roleBindings, 'team-a', 'team-a-edit', { preconditionUid: current.metadata.uid, preconditionResourceVersion: current.metadata.resourceVersion });
    expect(() => resources.get(roleBindings, 'team-a', 'team-a-edit')).toThrow(/not found/);
  });

  it('selects bindings by label', () => {
    const { resources, roleBindings, clusterRoleBindings } = setup();
    resources.patch(roleBindings, 'team-a', 'team-a-edit', 'apply', binding('edit'), { fieldManager: 'm', force: true });
    const ours = parseLabelSelector('app.kubernetes.io/managed-by=skip-portal')!;
    expect(resources.list(roleBindings, undefined, [ours]).items.map(b => b.metadata.name)).toEqual(['team-a-edit']);
    expect(resources.list(clusterRoleBindings, undefined, [ours]).items).toEqual([]);
    const bootstrap = parseLabelSelector('kubernetes.io/bootstrapping=rbac-defaults')!;
    expect(resources.list(clusterRoleBindings, undefined, [bootstrap]).items.map(b => b.metadata.name)).toEqual(
      expect.arrayContaining(['cluster-admin', 'system:basic-user', 'system:discovery']),
    );
  });
});
