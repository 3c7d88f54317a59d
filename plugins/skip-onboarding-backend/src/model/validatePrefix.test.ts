import {
  DEFAULT_SYSTEM_NAMESPACES,
  isSystemNamespace,
} from '@internal/plugin-skip-common';
import { buildAppProject } from './appProject';
import { projectPermits } from './projectPermits';
import { PrefixValidationContext, validatePrefix } from './validatePrefix';

const NEWTEAM = 'group:default/newteam';
const SEEIENDOM = 'group:default/seeiendom';

function context(
  overrides: Partial<PrefixValidationContext> = {},
): PrefixValidationContext {
  return {
    claims: [{ team: SEEIENDOM, prefix: 'seeiendom-' }],
    namespaces: [],
    reservedNames: ['default', 'argocd', 'kube-system'],
    reservedPrefixes: ['kube-', 'istio-'],
    minimumSuffixLength: 4,
    ...overrides,
  };
}

function messages(team: string, prefix: string, ctx = context()) {
  return validatePrefix({ team, prefix }, ctx).problems;
}

describe('validatePrefix', () => {
  it('accepts a free, well-formed prefix', () => {
    expect(
      validatePrefix({ team: NEWTEAM, prefix: 'newteam-' }, context()),
    ).toEqual({
      problems: [],
      captures: [],
    });
    expect(messages(NEWTEAM, 'a-')).toEqual([]);
    expect(messages(NEWTEAM, 'a1-b2-')).toEqual([]);
  });

  it.each([
    ['', /is empty/],
    ['NewTeam-', /upper-case/],
    ['new_team-', /characters a namespace name cannot hold \(_\)/],
    ['new*-', /cannot hold \(\*\)/],
    ['new team-', /cannot hold/],
    ['1team-', /does not start with a letter/],
    ['-team-', /does not start with a letter/],
    ['newteam', /does not end with -/],
    ['newteam--', /more than one -/],
    ['-', /does not start with a letter/],
  ])('refuses the malformed prefix %j, saying why', (prefix, why) => {
    const { problems, captures } = validatePrefix(
      { team: NEWTEAM, prefix },
      context({
        namespaces: [{ cluster: 'atkv3-dev', namespace: 'newteam-web' }],
      }),
    );
    expect(problems).toEqual([
      {
        field: 'prefix',
        message: expect.stringMatching(why),
      },
    ]);
    expect(problems[0].message).toContain('lower-case letters, digits and -');
    expect(captures).toEqual([]);
  });

  it('refuses a team that is not a group ref, on the team field', () => {
    expect(messages('newteam', 'newteam-')).toEqual([
      {
        field: 'team',
        message: expect.stringContaining('group:default/<name>'),
      },
    ]);
    expect(messages('user:default/someone', 'newteam-')).toHaveLength(1);
  });

  it('leaves room for a namespace name within 63 characters', () => {
    const fits = `${'a'.repeat(58)}-`; // 59 + 4 = 63
    const tooLong = `${'a'.repeat(59)}-`; // 60 + 4 = 64
    expect(messages(NEWTEAM, fits)).toEqual([]);
    expect(messages(NEWTEAM, tooLong)).toEqual([
      {
        field: 'prefix',
        message: expect.stringContaining(
          'leave room for a namespace name after it (4 characters): at most 59 characters',
        ),
      },
    ]);
    expect(
      messages(NEWTEAM, fits, context({ minimumSuffixLength: 10 })),
    ).toHaveLength(1);
  });

  it.each([
    ['kube-', /inside the platform's reserved prefix kube-/],
    ['kube-foo-', /inside the platform's reserved prefix kube-/],
    ['istio-x-', /reserved prefix istio-/],
    ['gke-', /reserved prefix gke-/],
  ])('refuses %j, which overlaps a reserved prefix', (prefix, why) => {
    const problems = messages(
      NEWTEAM,
      prefix,
      context({ reservedNames: ['default', 'gke-*'] }),
    );
    expect(problems).toEqual([
      { field: 'prefix', message: expect.stringMatching(why) },
    ]);
  });

  it('refuses a prefix a reserved prefix starts with', () => {
    expect(
      messages(
        NEWTEAM,
        'cert-',
        context({ reservedPrefixes: ['cert-manager-'] }),
      ),
    ).toEqual([
      {
        field: 'prefix',
        message: expect.stringContaining(
          'every namespace starting with cert-manager- would also match cert-*',
        ),
      },
    ]);
  });

  it('refuses a prefix that takes in a reserved namespace, and only then', () => {
    expect(
      messages(NEWTEAM, 'kube-', context({ reservedPrefixes: [] })),
    ).toEqual([
      {
        field: 'prefix',
        message: expect.stringContaining(
          'reserved namespace kube-system: kube-* matches it',
        ),
      },
    ]);
    // `argocd-*` does not match `argocd`, nor `default-*` `default`.
    expect(messages(NEWTEAM, 'argocd-')).toEqual([]);
    expect(messages(NEWTEAM, 'default-')).toEqual([]);
    expect(
      messages(
        NEWTEAM,
        'cert-',
        context({ reservedNames: ['cert-manager', 'cert-issuer'] }),
      ),
    ).toEqual([
      {
        field: 'prefix',
        message: expect.stringContaining(
          'reserved namespaces cert-issuer, cert-manager',
        ),
      },
    ]);
  });

  it('takes the system namespaces as they are configured, patterns included', () => {
    const ctx = context({
      reservedNames: DEFAULT_SYSTEM_NAMESPACES,
      reservedPrefixes: [],
    });
    for (const prefix of [
      'kube-',
      'gke-',
      'gke-x-',
      'anthos-',
      'cert-',
      'istio-',
    ]) {
      expect({ prefix, problems: messages(NEWTEAM, prefix, ctx) }).toEqual({
        prefix,
        problems: [
          { field: 'prefix', message: expect.stringMatching(/reserved/) },
        ],
      });
    }
    // Prefixes that pass (skiperator- would not: skiperator-system).
    for (const prefix of ['gk-', 'kubex-', 'argocd-', 'default-']) {
      expect(messages(NEWTEAM, prefix, ctx)).toEqual([]);
      expect(isSystemNamespace(`${prefix}x`, DEFAULT_SYSTEM_NAMESPACES)).toBe(
        false,
      );
    }
  });

  describe('the overlap trap', () => {
    it("is real: foo-'s project permits every namespace of foo-bar-", () => {
      const foo = buildAppProject({
        teamName: 'foo',
        teamRef: 'group:default/foo',
        prefix: 'foo-',
        iamGroups: [],
        repoUrl: 'https://github.com/kartverket/foo-apps',
        argoNamespace: 'argocd',
        clusters: ['atkv3-dev'],
      });
      expect(
        projectPermits(foo.spec.destinations, 'atkv3-dev', 'foo-bar-x'),
      ).toBe(true);
    });

    it('refuses foo-bar- when foo- is claimed, naming the team and the direction', () => {
      const ctx = context({
        claims: [{ team: 'group:default/foo', prefix: 'foo-' }],
      });
      expect(messages(NEWTEAM, 'foo-bar-', ctx)).toEqual([
        {
          field: 'prefix',
          message:
            "overlaps foo's prefix foo-: every namespace of foo-bar- would also match foo's foo-*",
        },
      ]);
    });

    it('refuses foo- when foo-bar- is claimed', () => {
      const ctx = context({
        claims: [{ team: 'group:default/foobar', prefix: 'foo-bar-' }],
      });
      expect(messages(NEWTEAM, 'foo-', ctx)).toEqual([
        {
          field: 'prefix',
          message:
            "overlaps foobar's prefix foo-bar-: every namespace of foo-bar- would also match newteam's foo-*",
        },
      ]);
    });

    it('refuses the same prefix, and tells a team what it already holds', () => {
      expect(messages(NEWTEAM, 'seeiendom-')).toEqual([
        { field: 'prefix', message: 'is already claimed by seeiendom' },
      ]);
      expect(messages(SEEIENDOM, 'seeiendom-')).toEqual([
        { field: 'prefix', message: 'the team already holds seeiendom-' },
      ]);
      expect(messages(SEEIENDOM, 'seeiendom-x-')).toEqual([
        {
          field: 'prefix',
          message: expect.stringContaining(
            'overlaps seeiendom-, which the team already holds',
          ),
        },
      ]);
    });

    it('does not mistake a shared start for an overlap', () => {
      // `foo-*` cannot match `foobar-x`, nor `seeiendom-*` `see-x`.
      const ctx = context({
        claims: [
          { team: 'group:default/foo', prefix: 'foo-' },
          { team: SEEIENDOM, prefix: 'seeiendom-' },
        ],
      });
      expect(messages(NEWTEAM, 'foobar-', ctx)).toEqual([]);
      expect(messages(NEWTEAM, 'see-', ctx)).toEqual([]);
    });
  });

  it("lists the namespaces it would take in, and refuses those not the team's", () => {
    const namespaces = [
      { cluster: 'atkv3-prod', namespace: 'newteam-web', owner: NEWTEAM },
      { cluster: 'atkv3-dev', namespace: 'newteam-web', owner: NEWTEAM },
      { cluster: 'atkv3-dev', namespace: 'newteam', owner: NEWTEAM },
      { cluster: 'atkv3-dev', namespace: 'newteamx-web' },
      { cluster: 'atkv3-dev', namespace: 'newteam-old' },
      { cluster: 'atkv3-dev', namespace: 'newteam-b', owner: SEEIENDOM },
      { cluster: 'atkv3-dev', namespace: 'newteam-c', owner: 'newteam' },
    ];
    const { problems, captures } = validatePrefix(
      { team: NEWTEAM, prefix: 'newteam-' },
      context({ namespaces }),
    );
    expect(captures.map(c => `${c.cluster}/${c.namespace}`)).toEqual([
      'atkv3-dev/newteam-b',
      'atkv3-dev/newteam-c',
      'atkv3-dev/newteam-old',
      'atkv3-dev/newteam-web',
      'atkv3-prod/newteam-web',
    ]);
    expect(captures[0]).toEqual(namespaces[5]);
    expect(problems).toEqual([
      {
        field: 'prefix',
        message:
          "would take in 2 existing namespaces that are not newteam's: atkv3-dev/newteam-b (owned by seeiendom), atkv3-dev/newteam-old (no owner)",
      },
    ]);
  });

  it('names three foreign namespaces and counts the rest', () => {
    const namespaces = ['a', 'b', 'c', 'd', 'e'].map(n => ({
      cluster: 'atkv3-dev',
      namespace: `newteam-${n}`,
      owner: SEEIENDOM,
    }));
    const [problem] = messages(NEWTEAM, 'newteam-', context({ namespaces }));
    expect(problem.message).toMatch(
      /^would take in 5 existing namespaces .*newteam-a .*newteam-b .*newteam-c \(owned by seeiendom\) and 2 more$/,
    );
  });

  it('reports every problem, in a fixed order, whatever the order of its inputs', () => {
    const ctx = context({
      claims: [
        { team: 'group:default/b', prefix: 'kube-x-y-' },
        { team: 'group:default/a', prefix: 'kube-' },
      ],
      namespaces: [
        { cluster: 'c2', namespace: 'kube-x-1' },
        { cluster: 'c1', namespace: 'kube-x-2' },
      ],
      reservedNames: ['kube-x-system', 'kube-x-public'],
      minimumSuffixLength: 60,
    });
    const result = validatePrefix({ team: 'bad', prefix: 'kube-x-' }, ctx);
    expect(
      result.problems.map(p => `${p.field}: ${p.message.slice(0, 30)}`),
    ).toEqual([
      'team: "bad" is not a team: it must b',
      'prefix: is 7 characters; a namespace n',
      "prefix: is inside the platform's reser",
      "prefix: would take in the platform's r",
      "prefix: overlaps a's prefix kube-: eve",
      "prefix: overlaps b's prefix kube-x-y-:",
      'prefix: would take in 2 existing names',
    ]);
    const reversed = validatePrefix(
      { team: 'bad', prefix: 'kube-x-' },
      {
        ...ctx,
        claims: [...ctx.claims].reverse(),
        namespaces: [...ctx.namespaces].reverse(),
        reservedNames: [...ctx.reservedNames].reverse(),
      },
    );
    expect(reversed).toEqual(result);
    expect(result.captures.map(c => c.cluster)).toEqual(['c1', 'c2']);
  });
});
