/** Shortest line of a multi-line secret that is masked on its own; shorter ones (`-----`, blank) would mask ordinary output. */
const MIN_SECRET_LINE_LENGTH = 8;

/**
 * Masks every secret in `text` with `***`. A multi-line secret (a PEM key) is also masked line
 * by line, because commands print output one line at a time.
 */
export function redactSecrets(
  text: string,
  secrets: readonly string[],
): string {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    const lines = secret.split(/\r?\n/);
    if (lines.length === 1) {
      needles.add(secret);
      continue;
    }
    for (const line of lines) {
      const trimmed = line.trim();
      if (trimmed.length >= MIN_SECRET_LINE_LENGTH) needles.add(trimmed);
    }
  }
  // Longest first, so a secret that contains another is masked whole.
  let result = text;
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    if (result.includes(needle)) result = result.split(needle).join('***');
  }
  return result;
}
