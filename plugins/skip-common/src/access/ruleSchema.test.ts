import { accessRuleFieldErrors, parseAccessRuleInput } from './ruleSchema';

const rule = {
  id: 'nrl-view-dev',
  group: 'group:default/nrl',
  role: 'view',
  clusters: { type: 'environment', environment: 'dev' },
  namespaces: { type: 'team-prefix', team: 'group:default/nrl' },
};

describe('access rule schema', () => {
  it('accepts a whole rule', () => {
    expect(accessRuleFieldErrors(rule)).toEqual([]);
    expect(parseAccessRuleInput(rule)).toEqual(rule);
  });

  it('names every bad field as a dotted path, cross-field rules included', () => {
    const fields = (input: object) =>
      accessRuleFieldErrors({ ...rule, ...input }).map(e => e.field);
    expect(fields({ clusters: { type: 'environment' } })).toEqual([
      'clusters.environment',
    ]);
    expect(fields({ clusters: { type: 'all', cluster: 'atkv3-dev' } })).toEqual(
      ['clusters.cluster'],
    );
    expect(fields({ namespaces: { type: 'names', names: [] } })).toEqual([
      'namespaces.names',
    ]);
    expect(
      fields({ namespaces: { type: 'names', names: ['a', 'a'] } }),
    ).toEqual(['namespaces.names']);
    expect(fields({ namespaces: { type: 'team-prefix' } })).toEqual([
      'namespaces.team',
    ]);
    expect(
      fields({ id: 'Not_A_Label', group: 'seeiendom', role: 'a/b' }),
    ).toEqual(['id', 'group', 'role']);
    expect(fields({ extra: 1 })).toEqual(['(rule)']);
  });

  it('throws an error naming the rule, where it was read and the field', () => {
    expect(() =>
      parseAccessRuleInput(
        { ...rule, clusters: { type: 'cluster' } },
        'rules/dev.yaml: rule #2',
      ),
    ).toThrow(
      "rules/dev.yaml: rule #2 'nrl-view-dev': clusters.cluster: is required when type is cluster",
    );
  });
});
