import { ObjectStore } from '../store/ObjectStore';
import { PodLogs } from '../store/PodLogs';
import { ClusterResources } from './ClusterResources';
import { KubeStatusError } from './KubeStatusError';
import { ResourceRegistry } from './resources';

function setup() {
  const registry = new ResourceRegistry();
  const store = new ObjectStore();
  store.put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns' } });
  const resources = new ClusterResources(store, new PodLogs(), registry);
  const type = (g: string, v: string, r: string) => registry.find(g, v, r)!;
  return { store, resources, type };
}

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e as KubeStatusError;
  }
  throw new Error('expected an error');
};

describe('ClusterResources', () => {
  it('refuses a stale resourceVersion on update with 409 Conflict', () => {
    const { resources, type } = setup();
    const cms = type('', 'v1', 'configmaps');
    const created = resources.create(cms, 'ns', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }, {});
    resources.update(cms, 'ns', 'c', { ...created, data: { a: '2' } }, {});
    const error = errorOf(() => resources.update(cms, 'ns', 'c', { ...created, data: { a: '3' } }, {}));
    expect([error.code, error.reason]).toEqual([409, 'Conflict']);
  });

  it('merges containers by name in a strategic merge patch and keeps status on the main resource', () => {
    const { resources, type, store } = setup();
    const deployments = type('apps', 'v1', 'deployments');
    store.put({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', namespace: 'ns' },
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:1' }, { name: 'sidecar', image: 's:1' }] } } },
      status: { readyReplicas: 1 },
    });
    const { object } = resources.patch(deployments, 'ns', 'd', 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'app', image: 'a:2' }] } } },
      status: { readyReplicas: 9 },
    }, {});
    expect((object.spec as any).template.spec.containers).toEqual([
      { name: 'app', image: 'a:2' },
      { name: 'sidecar', image: 's:1' },
    ]);
    expect(object.status).toEqual({ readyReplicas: 1 });
    expect(object.metadata.generation).toBe(2);
  });

  it('does not write a no-op patch, so kubectl can say "patched (no change)"', () => {
    const { resources, type } = setup();
    const cms = type('', 'v1', 'configmaps');
    const created = resources.create(cms, 'ns', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }, { fieldManager: 'm' });
    const { object } = resources.patch(cms, 'ns', 'c', 'merge', { data: { a: '1' } }, { fieldManager: 'other' });
    expect(object).toEqual(created);
  });

  it('treats a resourceVersion in an applied configuration as a precondition', () => {
    const { resources, type } = setup();
    const cms = type('', 'v1', 'configmaps');
    const created = resources.create(cms, 'ns', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }, { fieldManager: 'm' });
    const rv = created.metadata.resourceVersion;
    const stale = errorOf(() => resources.patch(cms, 'ns', 'c', 'apply', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: '1' }, data: { a: '2' } }, { fieldManager: 'a', force: true }));
    expect(stale.code).toBe(409);
    const { object } = resources.patch(cms, 'ns', 'c', 'apply', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', resourceVersion: rv }, data: { a: '2' } }, { fieldManager: 'a', force: true });
    expect(object.data).toEqual({ a: '2' });
    const missing = errorOf(() => resources.patch(cms, 'ns', 'd', 'apply', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'd', resourceVersion: rv } }, { fieldManager: 'a' }));
    expect(missing.code).toBe(409);
  });

  it('requires a field manager for apply and refuses force on other patches', () => {
    const { resources, type } = setup();
    const cms = type('', 'v1', 'configmaps');
    const noManager = errorOf(() => resources.patch(cms, 'ns', 'c', 'apply', { apiVersion: 'v1', kind: 'ConfigMap' }, {}));
    expect([noManager.code, noManager.details?.causes?.[0].field]).toEqual([422, 'fieldManager']);
    const forced = errorOf(() => resources.patch(cms, 'ns', 'c', 'merge', {}, { force: true }));
    expect(forced.code).toBe(422);
  });

  it('keeps an object with finalizers until they are removed, and deletes owned objects with their owner', () => {
    const { resources, type, store } = setup();
    const argoApps = type('argoproj.io', 'v1alpha1', 'applications');
    const app = store.put({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'a', namespace: 'ns', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
      spec: { project: 'default', destination: { name: 'in-cluster', namespace: 'ns' }, source: { repoURL: 'https://github.com/kartverket/a-apps.git', path: 'a' } },
    });
    store.put({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'owned', namespace: 'ns', ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', name: 'a', uid: app.metadata.uid! }] },
    });
    expect(resources.delete(argoApps, 'ns', 'a', {}).pending).toBe(true);
    expect(store.get('argoproj.io/v1alpha1', 'Application', 'ns', 'a')?.metadata.deletionTimestamp).toBeTruthy();
    resources.patch(argoApps, 'ns', 'a', 'json', [{ op: 'remove', path: '/metadata/finalizers' }], {});
    expect(store.get('argoproj.io/v1alpha1', 'Application', 'ns', 'a')).toBeUndefined();
    expect(store.get('v1', 'ConfigMap', 'ns', 'owned')).toBeUndefined();
  });

  it('pages lists with limit and continue', () => {
    const { resources, type, store } = setup();
    const cms = type('', 'v1', 'configmaps');
    for (const name of ['a', 'b', 'c']) store.put({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'ns' } });
    const first = resources.list(cms, 'ns', [], 2);
    const second = resources.list(cms, 'ns', [], 2, first.continueToken);
    expect([first.items.map(i => i.metadata.name), second.items.map(i => i.metadata.name), second.continueToken]).toEqual([['a', 'b'], ['c'], undefined]);
  });
});
