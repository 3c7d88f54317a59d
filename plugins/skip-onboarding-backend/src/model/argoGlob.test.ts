import { argoGlobMatch } from './argoGlob';

describe('argoGlobMatch', () => {
  // pattern, value, Argo CD's answer (gobwas/glob v0.2.3, no separators)
  const table: [string, string, boolean][] = [
    // `*` crosses `-` and `.`: the overlap trap
    ['foo-*', 'foo-bar', true],
    ['foo-*', 'foo-bar-x', true],
    ['foo-*', 'foo-', true],
    ['foo-*', 'foo', false],
    ['foo-*', 'xfoo-bar', false],
    ['*', '', true],
    ['*', 'a.b-c/d', true],
    ['**', 'a.b-c', true],
    ['*.example.com', 'a.b.example.com', true],
    ['https://*', 'https://10.0.0.1:443', true],
    ['a*b*c', 'a-x-b-y-c', true],
    ['a*b*c', 'a-x-c-y-b', false],
    // literal, whole-string, case-sensitive
    ['team-a', 'team-a', true],
    ['team-a', 'team-ab', false],
    ['team-a', 'xteam-a', false],
    ['team-*', 'TEAM-a', false],
    ['Team-*', 'team-a', false],
    ['', '', true],
    ['', 'a', false],
    ['a.c', 'abc', false],
    ['a+', 'aa', false],
    ['a+', 'a+', true],
    ['(a|b)', 'a', false],
    ['(a|b)', '(a|b)', true],
    // `?` is exactly one character
    ['team-?', 'team-a', true],
    ['team-?', 'team-', false],
    ['team-?', 'team-ab', false],
    ['team-?', 'team-æ', true],
    ['team-?', 'team-😀', true],
    // classes: a list, or one range
    ['team-[ab]', 'team-a', true],
    ['team-[ab]', 'team-c', false],
    ['team-[!ab]', 'team-c', true],
    ['team-[!ab]', 'team-a', false],
    ['team-[a-c]', 'team-b', true],
    ['team-[a-c]', 'team-d', false],
    ['team-[!a-c]', 'team-d', true],
    ['team-[!a-c]', 'team-b', false],
    ['team-[-a]', 'team--', true],
    ['team-[ab-]', 'team--', true],
    ['team-[a\\]]', 'team-]', true],
    // gobwas has one range per class: this does not compile, and matches nothing
    ['team-[a-z0-9]', 'team-a', false],
    ['team-[a-z0-9]', 'team-[a-z0-9]', false],
    ['team-[z-a]', 'team-b', false],
    ['team-[]', 'team-', false],
    ['team-[ab', 'team-a', false],
    // alternatives, nested, with wildcards inside
    ['{foo,bar}-*', 'bar-x', true],
    ['{foo,bar}-*', 'baz-x', false],
    ['x-{a,b{c,d}}', 'x-bd', true],
    ['x-{a,b{c,d}}', 'x-b', false],
    ['x-{a*,?}', 'x-abc', true],
    ['x-{a*,?}', 'x-z', true],
    ['x-{a*,?}', 'x-zz', false],
    ['x-{,a}', 'x-', true],
    ['x-{a,b', 'x-b', true],
    // `,` `}` `]` outside their constructs are text; `\` escapes
    ['a,b', 'a,b', true],
    ['a}b', 'a}b', true],
    ['a]b', 'a]b', true],
    ['team-\\*', 'team-*', true],
    ['team-\\*', 'team-a', false],
    ['team-\\?', 'team-a', false],
    ['a\\', 'a', true],
    // a leading `!` is literal here: negation is Argo CD's layer above (projectPermits)
    ['!team-*', 'team-a', false],
    ['!team-*', '!team-a', true],
    // from gobwas/glob's own tests (those without separators)
    ['{a,ab}{bc,f}', 'abc', true],
    ['{*,**}{a,b}', 'ac', false],
    ['*//{,*.}example.com', 'http://example.com', true],
    ['*//{,*.}example.com', 'http://example.com.net', false],
    ['/{rate,[0-9][0-9][0-9]}*', '/rate', true],
    ['[!a]*', 'this is a test3', true],
  ];

  it.each(table)('%j against %j is %s', (pattern, value, expected) => {
    expect(argoGlobMatch(pattern, value)).toBe(expected);
  });

  it('gives the same answer from its cache', () => {
    for (let i = 0; i < 2; i++) {
      expect(argoGlobMatch('c-*', 'c-x')).toBe(true);
      expect(argoGlobMatch('c-[a-z0-9]', 'c-x')).toBe(false);
    }
  });
});
