/**
 * Argo CD's glob match for AppProject destinations (namespace, server and name patterns), so the
 * portal decides "may this project deploy there" exactly as Argo CD will, not as a shell or
 * minimatch would. Argo CD (util/glob, gobwas/glob v0.2.3) compiles these patterns without
 * separators, which is the whole trap this portal exists for: `*` matches any run of characters,
 * `-` and `.` included, so `foo-*` also matches every namespace of `foo-bar-`.
 *
 * The syntax follows gobwas/glob's lexer and parser, quirks included:
 * - `*` (and `**`) any run of characters, `?` exactly one character (a code point);
 * - `[abc]`, `[!abc]` a list, `[a-z]`, `[!a-z]` one range: a class holds either a list or a
 *   single range, so `[a-z0-9]` does not compile (and matches nothing, see below);
 * - `{a,b}` alternatives, which may nest and hold any of the above; an unclosed `{` runs to the
 *   end of the pattern, as gobwas accepts it;
 * - `\` makes the next character literal (a trailing `\` is dropped); everything else, a
 *   leading `!` included, is literal. `!` as a deny marker is Argo CD's own layer, applied
 *   before this match: see projectPermits.
 * - Case-sensitive.
 * A pattern that does not compile matches nothing: Argo CD logs a warning and returns false.
 */
export function argoGlobMatch(pattern: string, value: string): boolean {
  const compiled = compile(pattern);
  return compiled !== undefined && compiled.test(value);
}

type Token =
  | { type: 'text'; value: string }
  | { type: 'any' }
  | { type: 'single' }
  | { type: 'list'; chars: string[]; not: boolean }
  | { type: 'range'; lo: string; hi: string; not: boolean }
  | { type: 'open' }
  | { type: 'separator' }
  | { type: 'close' };

class GlobSyntaxError extends Error {}

const cache = new Map<string, RegExp | undefined>();
const CACHE_LIMIT = 1000;

function compile(pattern: string): RegExp | undefined {
  if (cache.has(pattern)) return cache.get(pattern);
  let compiled: RegExp | undefined;
  try {
    compiled = new RegExp(`^${toRegExpSource(lex(pattern))}$`, 'su');
  } catch (e) {
    if (!(e instanceof GlobSyntaxError)) throw e;
    compiled = undefined;
  }
  // Patterns come from a handful of AppProjects; the bound only guards against a caller that
  // feeds user input through here.
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

/** gobwas/glob's lexer, over code points so that `?` and classes take one character. */
function lex(pattern: string): Token[] {
  const runes = Array.from(pattern);
  const tokens: Token[] = [];
  let pos = 0;
  let termsLevel = 0;

  // Text up to an unescaped breaker; `\` makes the next character literal.
  const text = (breakers: string): string => {
    let data = '';
    while (pos < runes.length) {
      const r = runes[pos];
      if (r === '\\') {
        pos++;
        if (pos < runes.length) data += runes[pos++];
        continue;
      }
      if (breakers.includes(r)) break;
      data += r;
      pos++;
    }
    return data;
  };

  const range = (): void => {
    let not = false;
    if (runes[pos] === '!') {
      not = true;
      pos++;
    }
    if (pos >= runes.length) throw new GlobSyntaxError('unexpected end');
    if (runes[pos + 1] === '-') {
      // `lo-hi`, then the class must close: gobwas has no `[a-z0-9]`.
      const lo = runes[pos];
      const hi = runes[pos + 2];
      if (hi === undefined) throw new GlobSyntaxError('unexpected end');
      if (runes[pos + 3] !== ']') throw new GlobSyntaxError('expected ]');
      if (hi.codePointAt(0)! < lo.codePointAt(0)!) {
        throw new GlobSyntaxError('hi below lo');
      }
      pos += 4;
      tokens.push({ type: 'range', lo, hi, not });
      return;
    }
    const chars = text(']');
    if (runes[pos] !== ']') throw new GlobSyntaxError('unexpected end');
    pos++;
    if (chars === '') throw new GlobSyntaxError('empty class');
    tokens.push({ type: 'list', chars: Array.from(chars), not });
  };

  while (pos < runes.length) {
    const r = runes[pos];
    if (r === '{') {
      termsLevel++;
      pos++;
      tokens.push({ type: 'open' });
    } else if (r === ',' && termsLevel > 0) {
      pos++;
      tokens.push({ type: 'separator' });
    } else if (r === '}' && termsLevel > 0) {
      termsLevel--;
      pos++;
      tokens.push({ type: 'close' });
    } else if (r === '[') {
      pos++;
      range();
    } else if (r === '?') {
      pos++;
      tokens.push({ type: 'single' });
    } else if (r === '*') {
      pos++;
      if (runes[pos] === '*') pos++;
      tokens.push({ type: 'any' });
    } else {
      // Outside alternatives `]`, `}` and `,` are plain text.
      const value = text(termsLevel > 0 ? '?*[{},' : '?*[{');
      if (value !== '') tokens.push({ type: 'text', value });
    }
  }
  // gobwas accepts an unclosed `{`: its alternatives end with the pattern.
  for (; termsLevel > 0; termsLevel--) tokens.push({ type: 'close' });
  return tokens;
}

function toRegExpSource(tokens: Token[]): string {
  return tokens
    .map(token => {
      switch (token.type) {
        case 'text':
          return Array.from(token.value).map(escapeLiteral).join('');
        case 'any':
          return '.*';
        case 'single':
          return '.';
        case 'list':
          return `[${token.not ? '^' : ''}${token.chars
            .map(escapeInClass)
            .join('')}]`;
        case 'range':
          return `[${token.not ? '^' : ''}${escapeInClass(
            token.lo,
          )}-${escapeInClass(token.hi)}]`;
        case 'open':
          return '(?:';
        case 'separator':
          return '|';
        case 'close':
          return ')';
        default:
          throw new GlobSyntaxError('unknown token');
      }
    })
    .join('');
}

function escapeLiteral(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c;
}

function escapeInClass(c: string): string {
  return /[\\\]\[^-]/.test(c) ? `\\${c}` : c;
}
