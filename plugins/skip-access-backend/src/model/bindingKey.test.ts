import {
  bindingKey,
  compareBindingPlaces,
  compareText,
  describePlace,
} from './bindingKey';

describe('bindingKey', () => {
  it('tells a RoleBinding from a ClusterRoleBinding of the same name, and namespaces apart', () => {
    const keys = new Set([
      bindingKey({ kind: 'ClusterRoleBinding', name: 'x' }),
      bindingKey({ kind: 'RoleBinding', namespace: 'a', name: 'x' }),
      bindingKey({ kind: 'RoleBinding', namespace: 'b', name: 'x' }),
    ]);
    expect(keys.size).toBe(3);
  });
});

describe('compareBindingPlaces', () => {
  it('orders by kind, then namespace, then name, by code unit whatever the locale', () => {
    const places = [
      { kind: 'RoleBinding' as const, namespace: 'b', name: 'a' },
      { kind: 'RoleBinding' as const, namespace: 'a', name: 'b' },
      { kind: 'RoleBinding' as const, namespace: 'a', name: 'B' },
      { kind: 'ClusterRoleBinding' as const, name: 'z' },
    ];
    expect(places.sort(compareBindingPlaces).map(describePlace)).toEqual([
      'ClusterRoleBinding z',
      'RoleBinding a/B',
      'RoleBinding a/b',
      'RoleBinding b/a',
    ]);
    expect(compareText('a', 'a')).toBe(0);
  });
});
