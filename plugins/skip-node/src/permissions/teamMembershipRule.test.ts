import { isTeamMemberRule } from './teamMembershipRule';

describe('isTeamMemberRule', () => {
  it('allows a team the caller belongs to and refuses any other', () => {
    const params = { groupRefs: ['group:default/seeiendom'] };
    expect(
      isTeamMemberRule.apply({ groupRef: 'group:default/seeiendom' }, params),
    ).toBe(true);
    expect(
      isTeamMemberRule.apply({ groupRef: 'group:default/matrikkel' }, params),
    ).toBe(false);
  });
});
