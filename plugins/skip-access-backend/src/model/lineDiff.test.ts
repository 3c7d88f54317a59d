import type { AccessDiffLine } from '@internal/plugin-skip-common';
import { lineDiff } from './lineDiff';

/** The diff as `<op><text>` lines, like a unified diff without headers. */
const show = (lines: AccessDiffLine[]) => lines.map(l => `${l.op}${l.text}`);

/** What the diff says the old text was, and what the new one is. */
const sides = (lines: AccessDiffLine[]) => ({
  before: lines.filter(l => l.op !== '+').map(l => l.text),
  after: lines.filter(l => l.op !== '-').map(l => l.text),
});

describe('lineDiff', () => {
  it('marks every line added for a new text and removed for a gone one', () => {
    expect(show(lineDiff('', 'a\nb\n'))).toEqual(['+a', '+b']);
    expect(show(lineDiff('a\nb\n', ''))).toEqual(['-a', '-b']);
  });

  it('keeps common lines and shows a replaced line as removed then added', () => {
    expect(
      show(
        lineDiff(
          'roleRef:\n  name: view\nsubjects: []\n',
          'roleRef:\n  name: edit\nsubjects: []\n',
        ),
      ),
    ).toEqual([' roleRef:', '-  name: view', '+  name: edit', ' subjects: []']);
  });

  it('shows nothing changed for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb').every(l => l.op === ' ')).toBe(true);
  });

  it('always rebuilds both texts from the diff, with as few changed lines as possible', () => {
    const cases: [string, string][] = [
      ['a\nb\nc\nd', 'a\nc\nd\ne'],
      ['x\ny\nz', 'z\ny\nx'],
      ['a\na\nb', 'b\na\na'],
      ['- g1\n- g2\n- g3', '- g1\n- g3\n- g4'],
    ];
    for (const [before, after] of cases) {
      const diff = lineDiff(before, after);
      expect(sides(diff)).toEqual({
        before: before.split('\n'),
        after: after.split('\n'),
      });
    }
    expect(
      lineDiff('a\nb\nc\nd', 'a\nc\nd\ne').filter(l => l.op !== ' '),
    ).toHaveLength(2);
  });
});
