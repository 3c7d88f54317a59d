import { accessRuleFieldErrors } from '@internal/plugin-skip-common';
import { TEAM_DEFAULT_RULE_PREFIX, teamDefaultRules } from './teamDefaultRules';
import type { AccessGroupInfo } from './types';

const group = (name: string): AccessGroupInfo => ({
  ref: `group:default/${name}`,
  title: name,
  iamGroups: [`aad-tf-team-${name}@kartverket.no`],
  prefix: `${name}-`,
});

/** A rule as the schema sees it (without where it comes from). */
const asInput = ({ source, ...rule }: ReturnType<typeof teamDefaultRules>[0]) =>
  rule;

describe('teamDefaultRules', () => {
  it('gives each team with a prefix edit in its namespaces on every user cluster', () => {
    const [rule] = teamDefaultRules([group('seeiendom')]);
    expect(rule).toMatchObject({
      id: 'default-seeiendom',
      group: 'group:default/seeiendom',
      role: 'edit',
      clusters: { type: 'all' },
      namespaces: { type: 'team-prefix', team: 'group:default/seeiendom' },
      source: 'team-default',
    });
    expect(rule.description).toContain('seeiendom-');
    expect(accessRuleFieldErrors(asInput(rule))).toEqual([]);
  });

  it('makes no rule for a group without a prefix', () => {
    const { prefix, ...platform } = group('platform');
    expect(prefix).toBe('platform-');
    expect(teamDefaultRules([platform])).toEqual([]);
  });

  it('uses the role it is given', () => {
    expect(teamDefaultRules([group('seeiendom')], 'admin')[0].role).toBe(
      'admin',
    );
  });

  it('keeps ids valid, distinct and stable for long or odd group names', () => {
    const long = 'a-very-long-team-name-that-goes-on-and-on';
    const groups = [
      group(`${long}-one`),
      group(`${long}-two`),
      group('team.x'),
      group('team_x'),
    ];
    const rules = teamDefaultRules(groups);
    const ids = rules.map(r => r.id);
    expect(new Set(ids).size).toBe(4);
    for (const rule of rules) {
      expect(rule.id.startsWith(TEAM_DEFAULT_RULE_PREFIX)).toBe(true);
      expect(accessRuleFieldErrors(asInput(rule))).toEqual([]);
    }
    expect(teamDefaultRules(groups).map(r => r.id)).toEqual(ids);
  });
});
