import {
  DEFAULT_SYSTEM_NAMESPACES,
  isSystemNamespace,
  namespaceOwner,
} from './namespaceOwnership';

const teams = [
  {
    groupRef: 'group:default/seeiendom',
    name: 'seeiendom',
    prefix: 'seeiendom-',
  },
  { groupRef: 'group:default/foo', name: 'foo', prefix: 'foo-' },
  { groupRef: 'group:default/foo-bar', name: 'foo-bar', prefix: 'foo-bar-' },
  { groupRef: 'group:default/nolabel', name: 'nolabel' },
];

describe('namespaceOwner', () => {
  it('gives a namespace to the team whose prefix it starts with', () => {
    expect(namespaceOwner({ name: 'seeiendom-api-main' }, teams)).toBe(
      'group:default/seeiendom',
    );
    expect(
      namespaceOwner({ name: 'matrikkel-api-main' }, teams),
    ).toBeUndefined();
  });

  it('lets the more specific prefix win where Argo CD globs would overlap', () => {
    expect(namespaceOwner({ name: 'foo-bar-main' }, teams)).toBe(
      'group:default/foo-bar',
    );
    expect(namespaceOwner({ name: 'foo-baz-main' }, teams)).toBe(
      'group:default/foo',
    );
  });

  it("lets the namespace's team label decide over any prefix", () => {
    expect(
      namespaceOwner({ name: 'seeiendom-api-main', teamLabel: 'foo' }, teams),
    ).toBe('group:default/foo');
    expect(
      namespaceOwner({ name: 'x', teamLabel: 'unknown-team' }, teams),
    ).toBe('group:default/unknown-team');
  });
});

describe('isSystemNamespace', () => {
  it('matches exact names and trailing-* prefixes, and nothing else', () => {
    expect(isSystemNamespace('kube-system', DEFAULT_SYSTEM_NAMESPACES)).toBe(
      true,
    );
    expect(
      isSystemNamespace('gke-managed-system', DEFAULT_SYSTEM_NAMESPACES),
    ).toBe(true);
    expect(isSystemNamespace('argocd', DEFAULT_SYSTEM_NAMESPACES)).toBe(true);
    expect(isSystemNamespace('kube-system-x', DEFAULT_SYSTEM_NAMESPACES)).toBe(
      false,
    );
    expect(
      isSystemNamespace('seeiendom-api-main', DEFAULT_SYSTEM_NAMESPACES),
    ).toBe(false);
  });
});
