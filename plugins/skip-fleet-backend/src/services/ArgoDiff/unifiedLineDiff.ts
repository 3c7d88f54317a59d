/** Above this many cells (changed lines before times after) the diff stops looking for common lines in between. */
const MAX_LCS_CELLS = 4_000_000;

type Edit = { op: ' ' | '-' | '+'; line: string };

/**
 * A unified diff (`@@ -a,b +c,d @@` hunks, `-` lines of `before`, `+` lines of `after`, `context`
 * unchanged lines around each change) of two texts, line by line; '' when they are equal.
 * A longest common subsequence of lines, as `diff` finds it; the `diff` package is not a
 * dependency here, and resources are a few hundred lines at most.
 */
export function unifiedLineDiff(
  before: string,
  after: string,
  context = 3,
): string {
  if (before === after) return '';
  const edits = lineEdits(splitLines(before), splitLines(after));
  const hunks: string[] = [];
  // Indices of the edits that change something; hunks gather those within 2 * context of each other.
  const changed = edits.flatMap((e, i) => (e.op === ' ' ? [] : [i]));
  let first = 0;
  while (first < changed.length) {
    let last = first;
    while (
      last + 1 < changed.length &&
      changed[last + 1] - changed[last] <= 2 * context + 1
    ) {
      last++;
    }
    const from = Math.max(0, changed[first] - context);
    const to = Math.min(edits.length, changed[last] + context + 1);
    hunks.push(hunk(edits, from, to));
    first = last + 1;
  }
  return hunks.join('\n');
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function hunk(edits: Edit[], from: number, to: number): string {
  // Line numbers where the hunk starts, counted in each text.
  let oldStart = 1;
  let newStart = 1;
  for (const e of edits.slice(0, from)) {
    if (e.op !== '+') oldStart++;
    if (e.op !== '-') newStart++;
  }
  const body = edits.slice(from, to);
  const oldCount = body.filter(e => e.op !== '+').length;
  const newCount = body.filter(e => e.op !== '-').length;
  return [
    `@@ -${oldCount ? oldStart : oldStart - 1},${oldCount} +${
      newCount ? newStart : newStart - 1
    },${newCount} @@`,
    ...body.map(e => `${e.op}${e.line}`),
  ].join('\n');
}

/** The edits turning `a` into `b`: common prefix and suffix first, an LCS table for the middle. */
function lineEdits(a: string[], b: string[]): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const same = (lines: string[]): Edit[] =>
    lines.map(line => ({ op: ' ', line }));
  return [
    ...same(a.slice(0, start)),
    ...middleEdits(a.slice(start, endA), b.slice(start, endB)),
    ...same(a.slice(endA)),
  ];
}

function middleEdits(a: string[], b: string[]): Edit[] {
  const removed = (lines: string[]): Edit[] =>
    lines.map(line => ({ op: '-', line }));
  const added = (lines: string[]): Edit[] =>
    lines.map(line => ({ op: '+', line }));
  if (a.length * b.length > MAX_LCS_CELLS) return [...removed(a), ...added(b)];
  const width = b.length + 1;
  // lcs[i * width + j]: length of the LCS of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      edits.push({ op: ' ', line: a[i] });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      edits.push({ op: '-', line: a[i++] });
    } else {
      edits.push({ op: '+', line: b[j++] });
    }
  }
  return [...edits, ...removed(a.slice(i)), ...added(b.slice(j))];
}
