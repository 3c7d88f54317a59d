import { bindingName } from './bindingName';

const DNS_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

describe('bindingName', () => {
  it('names the rule and the role, so a role change is a new binding', () => {
    expect(bindingName('seeiendom-edit', 'edit')).toBe(
      'skip-seeiendom-edit-edit',
    );
    expect(bindingName('seeiendom-edit', 'view')).not.toBe(
      bindingName('seeiendom-edit', 'edit'),
    );
  });

  it('gives the same name for the same rule and role', () => {
    expect(bindingName('r1', 'cluster-admin')).toBe(
      bindingName('r1', 'cluster-admin'),
    );
  });

  it('turns ClusterRole names that are not DNS names into valid object names', () => {
    expect(bindingName('r1', 'system:aggregate-to-view')).toBe(
      'skip-r1-system-aggregate-to-view',
    );
    expect(bindingName('r1', 'Team_Reader::x')).toBe('skip-r1-team-reader-x');
    expect(bindingName('r1', 'crossplane.io:edit')).toBe(
      'skip-r1-crossplane.io-edit',
    );
    for (const role of ['a_', 'a.', 'a._b', 'X:-:.y', 'edit']) {
      expect(bindingName('r1', role)).toMatch(DNS_SUBDOMAIN);
    }
  });
});
