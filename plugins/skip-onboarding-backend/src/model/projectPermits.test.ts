import { ProjectDestination, projectPermits } from './projectPermits';

const DEV = { name: 'atkv3-dev', server: 'https://10.0.0.1' };
const PROD = { name: 'atkv3-prod', server: 'https://10.0.0.2' };

describe('projectPermits', () => {
  it('permits when namespace and server or name match, as the platform writes projects today', () => {
    const destinations = [{ namespace: 'seeiendom-*', server: '*' }];
    expect(projectPermits(destinations, DEV, 'seeiendom-web')).toBe(true);
    expect(projectPermits(destinations, 'atkv3-prod', 'seeiendom-web')).toBe(
      true,
    );
    expect(projectPermits(destinations, DEV, 'other-web')).toBe(false);
  });

  it('matches a cluster by name or by server', () => {
    const byName = [{ namespace: 'a-*', name: 'atkv3-dev' }];
    const byServer = [{ namespace: 'a-*', server: 'https://10.0.0.1' }];
    expect(projectPermits(byName, DEV, 'a-x')).toBe(true);
    expect(projectPermits(byName, PROD, 'a-x')).toBe(false);
    expect(projectPermits(byServer, DEV, 'a-x')).toBe(true);
    expect(projectPermits(byServer, PROD, 'a-x')).toBe(false);
    expect(projectPermits(byName, 'atkv3-dev', 'a-x')).toBe(true);
    // A name alone cannot match a server URL.
    expect(projectPermits(byServer, 'atkv3-dev', 'a-x')).toBe(false);
  });

  it('reads a missing field as the empty pattern, not as *', () => {
    expect(projectPermits([{ namespace: 'a-*' }], DEV, 'a-x')).toBe(false);
    expect(projectPermits([{ server: '*' }], DEV, 'a-x')).toBe(false);
    // The empty namespace is how Argo CD checks cluster-scoped objects.
    expect(projectPermits([{ server: '*' }], DEV, '')).toBe(true);
    expect(projectPermits([], DEV, 'a-x')).toBe(false);
    expect(projectPermits([{ namespace: 'a-*', name: '*' }], {}, 'a-x')).toBe(
      false,
    );
  });

  it('lets a deny entry refuse what an allow entry permits, in any order', () => {
    const allow = { namespace: 'team-*', server: '*' };
    const deny = { namespace: '!team-secret', server: '*' };
    for (const destinations of [
      [allow, deny],
      [deny, allow],
    ]) {
      expect(projectPermits(destinations, DEV, 'team-a')).toBe(true);
      expect(projectPermits(destinations, DEV, 'team-secret')).toBe(false);
    }
    const denyProd = [
      { namespace: '*', server: '*' },
      { namespace: '*', name: '!atkv3-prod' },
    ];
    expect(projectPermits(denyProd, DEV, 'x')).toBe(true);
    expect(projectPermits(denyProd, PROD, 'x')).toBe(false);
  });

  it('lets a deny entry permit whatever it does not deny, as Argo CD does (argo-cd#21264)', () => {
    const destinations: ProjectDestination[] = [
      { namespace: 'team-*', name: 'atkv3-dev' },
      { namespace: '!kube-system', server: '*' },
    ];
    // Not in the allow entry, but the "deny" entry matches it.
    expect(projectPermits(destinations, PROD, 'other-team-a')).toBe(true);
    expect(projectPermits(destinations, DEV, 'kube-system')).toBe(false);
  });

  it("keeps Argo CD's precedence: a negated name refuses whatever the namespace", () => {
    const destinations = [
      { namespace: 'team-*', server: '*' },
      { namespace: 'other-*', name: '!atkv3-prod' },
    ];
    // Argo CD refuses here although the deny entry is about other-* only (argo-cd#28854).
    expect(projectPermits(destinations, PROD, 'team-a')).toBe(false);
    expect(projectPermits(destinations, DEV, 'team-a')).toBe(true);
  });

  it('uses glob semantics for patterns, and a pattern that does not compile matches nothing', () => {
    expect(
      projectPermits([{ namespace: 'team-[a-c]', server: '*' }], DEV, 'team-b'),
    ).toBe(true);
    expect(
      projectPermits(
        [{ namespace: 'team-[a-z0-9]', server: '*' }],
        DEV,
        'team-b',
      ),
    ).toBe(false);
    expect(
      projectPermits(
        [{ namespace: '*', server: 'https://10.0.0.*' }],
        DEV,
        'x',
      ),
    ).toBe(true);
  });
});
