import { ObjectStore } from './ObjectStore';
import { StoreEvent } from './types';

const cm = (name: string, data: Record<string, string>) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace: 'default' },
  data,
});

describe('ObjectStore', () => {
  it('assigns identity on create and bumps the cluster-wide resourceVersion on every write', () => {
    const store = new ObjectStore();
    const a = store.put(cm('a', { k: '1' }));
    const b = store.put(cm('b', { k: '1' }));
    expect(a.metadata.uid).toBeTruthy();
    expect(a.metadata.creationTimestamp).toMatch(/Z$/);
    expect(a.metadata.generation).toBeUndefined();
    expect(Number(b.metadata.resourceVersion)).toBe(Number(a.metadata.resourceVersion) + 1);
    expect(store.currentResourceVersion()).toBe(b.metadata.resourceVersion);
  });

  it('treats a deep-equal put as a no-op and bumps generation only for spec changes', () => {
    const store = new ObjectStore();
    const events: StoreEvent[] = [];
    store.onChange(e => events.push(e));
    const deployment = (spec: object, status?: object) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'a', namespace: 'default' }, spec, ...(status ? { status } : {}) });
    const first = store.put(deployment({ replicas: 1 }));
    const same = store.put(deployment({ replicas: 1 }));
    expect(same.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    const statusOnly = store.put(deployment({ replicas: 1 }, { ready: true }));
    expect(statusOnly.metadata.generation).toBe(1);
    const specChange = store.put(deployment({ replicas: 2 }, { ready: true }));
    expect(specChange.metadata.generation).toBe(2);
    expect(events.map(e => e.type)).toEqual(['ADDED', 'MODIFIED', 'MODIFIED']);
  });

  it('hands out copies, so callers cannot change stored objects behind its back', () => {
    const store = new ObjectStore();
    store.put(cm('a', { k: '1' }));
    const got = store.get('v1', 'ConfigMap', 'default', 'a')!;
    (got.data as Record<string, string>).k = 'changed';
    expect(store.get('v1', 'ConfigMap', 'default', 'a')!.data).toEqual({ k: '1' });
    expect(store.put(got).data).toEqual({ k: 'changed' });
  });

  it('serves every version of a group from the same objects', () => {
    const store = new ObjectStore();
    store.put({ apiVersion: 'skiperator.kartverket.no/v1alpha1', kind: 'SKIPJob', metadata: { name: 'j', namespace: 'x' } });
    expect(store.list('skiperator.kartverket.no/v1beta1', 'SKIPJob', 'x')).toHaveLength(1);
  });

  it('removes an object whose deletion is pending once its last finalizer goes', () => {
    const store = new ObjectStore();
    const obj = store.put({ ...cm('a', {}), metadata: { name: 'a', namespace: 'default', finalizers: ['f'] } });
    store.put({ ...obj, metadata: { ...obj.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } });
    expect(store.get('v1', 'ConfigMap', 'default', 'a')).toBeDefined();
    const pending = store.get('v1', 'ConfigMap', 'default', 'a')!;
    store.put({ ...pending, metadata: { ...pending.metadata, finalizers: [] } });
    expect(store.get('v1', 'ConfigMap', 'default', 'a')).toBeUndefined();
  });

  it('compacts events older than the history window, so resuming from before them expires', () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      const store = new ObjectStore({ windowMs: 1000 });
      store.put(cm('a', { i: '0' }));
      const before = Number(store.currentResourceVersion());
      store.put(cm('a', { i: '1' }));
      expect(store.eventsSince(before)).toHaveLength(1);
      now += 1500;
      store.put(cm('a', { i: '2' }));
      expect(store.eventsSince(before)).toBeUndefined();
      // A client already at the current resourceVersion has nothing to replay and does not expire.
      expect(store.eventsSince(Number(store.currentResourceVersion()))).toEqual([]);
    } finally {
      clock.mockRestore();
    }
  });

  it('replays events after a resourceVersion and reports when history no longer reaches back', () => {
    const store = new ObjectStore({ maxEvents: 2 });
    for (let i = 0; i < 1100; i++) store.put(cm('a', { i: String(i) }));
    expect(store.eventsSince(1)).toBeUndefined();
    const current = Number(store.currentResourceVersion());
    const removed = store.remove('v1', 'ConfigMap', 'default', 'a');
    expect(store.eventsSince(current)!.map(e => [e.type, e.object.metadata.resourceVersion])).toEqual([
      ['DELETED', removed!.metadata.resourceVersion],
    ]);
    expect(store.eventsSince(current + 1)).toEqual([]);
  });
});
