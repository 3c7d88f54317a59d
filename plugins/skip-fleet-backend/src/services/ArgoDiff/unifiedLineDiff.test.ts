import { unifiedLineDiff } from './unifiedLineDiff';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('unifiedLineDiff', () => {
  it('says nothing when the texts are equal', () => {
    expect(unifiedLineDiff(lines('a', 'b'), lines('a', 'b'))).toBe('');
  });

  it('shows a changed line as removed and added, with the lines around it', () => {
    const before = lines('1', '2', '3', '4', 'replicas: 3', '6', '7', '8', '9');
    const after = lines('1', '2', '3', '4', 'replicas: 1', '6', '7', '8', '9');
    expect(unifiedLineDiff(before, after)).toBe(
      [
        '@@ -2,7 +2,7 @@',
        ' 2',
        ' 3',
        ' 4',
        '-replicas: 3',
        '+replicas: 1',
        ' 6',
        ' 7',
        ' 8',
      ].join('\n'),
    );
  });

  it('keeps lines common to both in between changes, and splits far-apart changes into hunks', () => {
    const before = lines('a', 'x', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'y');
    const after = lines('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'z');
    expect(unifiedLineDiff(before, after, 1)).toBe(
      [
        '@@ -1,3 +1,2 @@',
        ' a',
        '-x',
        ' b',
        '@@ -10,2 +9,2 @@',
        ' i',
        '-y',
        '+z',
      ].join('\n'),
    );
  });

  it('shows text that only one side has as wholly added or removed', () => {
    expect(unifiedLineDiff('', lines('a', 'b'))).toBe(
      ['@@ -0,0 +1,2 @@', '+a', '+b'].join('\n'),
    );
    expect(unifiedLineDiff(lines('a'), '')).toBe(
      ['@@ -1,1 +0,0 @@', '-a'].join('\n'),
    );
  });

  it('finds the common lines inside a changed block', () => {
    const diff = unifiedLineDiff(
      lines('p', 'keep1', 'q', 'keep2', 'r'),
      lines('s', 'keep1', 't', 'keep2', 'u'),
    );
    expect(diff.split('\n').filter(l => l.startsWith(' '))).toEqual([
      ' keep1',
      ' keep2',
    ]);
  });
});
