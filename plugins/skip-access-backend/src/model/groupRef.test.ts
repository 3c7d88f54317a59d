import { groupRefName, normaliseGroupRef } from './groupRef';

describe('normaliseGroupRef', () => {
  it('makes refs written differently for the same group equal', () => {
    expect(normaliseGroupRef('group:default/Seeiendom')).toBe(
      'group:default/seeiendom',
    );
    expect(normaliseGroupRef('group:seeiendom')).toBe(
      'group:default/seeiendom',
    );
    expect(normaliseGroupRef('Group:other/team')).toBe('group:other/team');
  });
});

describe('groupRefName', () => {
  it('gives the name without kind and namespace', () => {
    expect(groupRefName('group:default/seeiendom')).toBe('seeiendom');
    expect(groupRefName('group:seeiendom')).toBe('seeiendom');
  });
});
