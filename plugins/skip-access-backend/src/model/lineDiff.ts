import type { AccessDiffLine } from '@internal/plugin-skip-common';

/**
 * A line diff of two texts (longest common subsequence), for showing a person what a change
 * does to a binding. Removed lines come before the added lines that replace them.
 */
export function lineDiff(before: string, after: string): AccessDiffLine[] {
  const a = splitLines(before);
  const b = splitLines(after);
  // common[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  const common: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i][j] =
        a[i] === b[j]
          ? common[i + 1][j + 1] + 1
          : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const lines: AccessDiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      lines.push({ op: ' ', text: a[i] });
      i++;
      j++;
    } else if (
      j >= b.length ||
      (i < a.length && common[i + 1][j] >= common[i][j + 1])
    ) {
      lines.push({ op: '-', text: a[i] });
      i++;
    } else {
      lines.push({ op: '+', text: b[j] });
      j++;
    }
  }
  return lines;
}

/** The lines of a text; an empty text has none, and a final newline adds no empty line. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}
