import { groupRefSchema, prefixesOverlap } from '@internal/plugin-skip-common';
import { argoGlobMatch } from './argoGlob';

/** A prefix a team holds or has asked for. */
export type PrefixClaim = { team: string; prefix: string };

/** A namespace that exists on a cluster, with the team that owns it today if any. */
export type ExistingNamespace = {
  cluster: string;
  namespace: string;
  owner?: string;
};

export type PrefixProblem = { field: string; message: string };

export type PrefixValidationContext = {
  /** Every prefix granted or asked for, the asking team's own included. */
  claims: PrefixClaim[];
  /** Every namespace on every cluster the prefix could reach. */
  namespaces: ExistingNamespace[];
  /** Namespaces no prefix may take in (`default`, `argocd`, …); a trailing `*` makes a reserved prefix. */
  reservedNames: string[];
  /** Prefixes only the platform may use (`kube-`, `istio-`, …); a trailing `*` is ignored. */
  reservedPrefixes: string[];
  /** The shortest namespace name a team must still be able to put after its prefix. */
  minimumSuffixLength: number;
};

/** A Kubernetes namespace name (a DNS-1123 label) is at most this long. */
const NAMESPACE_NAME_MAX = 63;

/** How many captured namespaces a problem names before it counts the rest. */
const NAMED_CAPTURES = 3;

/**
 * Whether `team` may claim `prefix`, and which existing namespaces the claim would take in.
 *
 * A claim becomes an Argo CD AppProject destination `<prefix>*`, and Argo CD's `*` crosses `-`:
 * the project may deploy to every namespace that starts with the prefix, including those of any
 * longer prefix (`foo-*` matches `foo-bar-x`). Argo CD does not stop two projects overlapping,
 * so the portal must: a prefix that starts another claim's prefix, or starts with one, is
 * refused in both directions, also when the other claim is the same team's (one team, one
 * prefix per namespace). Existing namespaces the prefix would match are reported as captures;
 * those of another team, or of no team, are a problem, because approving would hand them over.
 *
 * A malformed prefix is reported alone: the other rules reason about what `<prefix>*` matches,
 * which means nothing for a prefix that is not one (it might even hold glob characters).
 * Problems come in a fixed order: team, form, length, reserved, claims, captures.
 */
export function validatePrefix(
  input: { team: string; prefix: string },
  context: PrefixValidationContext,
): { problems: PrefixProblem[]; captures: ExistingNamespace[] } {
  const problems: PrefixProblem[] = [];
  if (!groupRefSchema.safeParse(input.team).success) {
    problems.push({
      field: 'team',
      message: `${JSON.stringify(
        input.team,
      )} is not a team: it must be a catalog group ref like group:default/<name>`,
    });
  }
  const { prefix } = input;
  const form = formProblem(prefix);
  if (form) {
    problems.push({ field: 'prefix', message: form });
    return { problems, captures: [] };
  }
  const prefixProblem = (message: string) =>
    problems.push({ field: 'prefix', message });

  const longest = NAMESPACE_NAME_MAX - context.minimumSuffixLength;
  if (prefix.length > longest) {
    prefixProblem(
      `is ${prefix.length} characters; a namespace name is at most ${NAMESPACE_NAME_MAX}, and the prefix must leave room for a namespace name after it (${context.minimumSuffixLength} characters): at most ${longest} characters`,
    );
  }

  const reservedPrefixes = sortedUnique([
    ...context.reservedPrefixes.map(stripStar),
    ...context.reservedNames.filter(n => n.endsWith('*')).map(stripStar),
  ]).filter(p => p !== '');
  for (const reserved of reservedPrefixes) {
    if (prefixesOverlap(prefix, reserved)) {
      prefixProblem(
        prefix.startsWith(reserved)
          ? `is inside the platform's reserved prefix ${reserved}: namespaces starting with ${reserved} belong to the platform`
          : `would take in the platform's reserved prefix ${reserved}: every namespace starting with ${reserved} would also match ${prefix}*`,
      );
    }
  }
  const reservedNames = sortedUnique(
    context.reservedNames.filter(n => !n.endsWith('*')),
  );
  const takenNames = reservedNames.filter(n => argoGlobMatch(`${prefix}*`, n));
  if (takenNames.length > 0) {
    prefixProblem(
      `would take in the platform's reserved ${
        takenNames.length === 1 ? 'namespace' : 'namespaces'
      } ${takenNames.join(', ')}: ${prefix}* matches ${
        takenNames.length === 1 ? 'it' : 'them'
      }`,
    );
  }

  const claims = [...context.claims].sort(
    (a, b) => compare(a.prefix, b.prefix) || compare(a.team, b.team),
  );
  for (const claim of claims) {
    if (!prefixesOverlap(prefix, claim.prefix)) continue;
    prefixProblem(overlapMessage(input, claim));
  }

  const captures = context.namespaces
    .filter(n => argoGlobMatch(`${prefix}*`, n.namespace))
    .sort(
      (a, b) =>
        compare(a.cluster, b.cluster) || compare(a.namespace, b.namespace),
    );
  const foreign = captures.filter(c => !sameTeam(c.owner, input.team));
  if (foreign.length > 0) {
    const named = foreign
      .slice(0, NAMED_CAPTURES)
      .map(
        c =>
          `${c.cluster}/${c.namespace} (${
            c.owner ? `owned by ${teamName(c.owner)}` : 'no owner'
          })`,
      );
    const more = foreign.length - named.length;
    prefixProblem(
      `would take in ${foreign.length} existing ${
        foreign.length === 1 ? 'namespace' : 'namespaces'
      } that ${foreign.length === 1 ? 'is' : 'are'} not ${teamName(
        input.team,
      )}'s: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    );
  }
  return { problems, captures };
}

/**
 * Why a prefix is not a lower-case DNS-1123 label start ending in a single `-`, or undefined.
 * Namespace names are DNS-1123 labels (lower-case letters, digits and `-`); a prefix also starts
 * with a letter so that every namespace name reads as a word, and ends with the `-` that
 * separates it from the rest of the name (`seeiendom-` + `web-main`).
 */
function formProblem(prefix: string): string | undefined {
  if (/^[a-z]([-a-z0-9]*[a-z0-9])?-$/.test(prefix)) return undefined;
  const rule =
    'a namespace name is lower-case letters, digits and -; the prefix starts with a letter and ends with a single - (like seeiendom-)';
  let why: string;
  if (prefix === '') why = 'is empty';
  else if (/[A-Z]/.test(prefix)) why = 'has upper-case letters';
  else if (/[^-a-z0-9]/.test(prefix))
    why = `has characters a namespace name cannot hold (${sortedUnique(
      Array.from(prefix.replace(/[-a-z0-9]/g, '')),
    ).join(' ')})`;
  else if (!/^[a-z]/.test(prefix)) why = 'does not start with a letter';
  else if (!prefix.endsWith('-')) why = 'does not end with -';
  else why = 'ends with more than one -';
  return `${why}: ${rule}`;
}

function overlapMessage(
  input: { team: string; prefix: string },
  claim: PrefixClaim,
): string {
  const { prefix } = input;
  if (sameTeam(claim.team, input.team)) {
    return claim.prefix === prefix
      ? `the team already holds ${prefix}`
      : `overlaps ${claim.prefix}, which the team already holds: one of the two prefixes would take in the other's namespaces`;
  }
  const other = teamName(claim.team);
  const mine = teamName(input.team);
  if (claim.prefix === prefix) {
    return `is already claimed by ${other}`;
  }
  if (claim.prefix.startsWith(prefix)) {
    // The new prefix is the shorter one: its project would reach into the other team's.
    return `overlaps ${other}'s prefix ${claim.prefix}: every namespace of ${claim.prefix} would also match ${mine}'s ${prefix}*`;
  }
  return `overlaps ${other}'s prefix ${claim.prefix}: every namespace of ${prefix} would also match ${other}'s ${claim.prefix}*`;
}

/** `group:default/seeiendom` → `seeiendom`; anything else as it is. */
function teamName(ref: string): string {
  const slash = ref.lastIndexOf('/');
  return ref.startsWith('group:') && slash >= 0 ? ref.slice(slash + 1) : ref;
}

/** Owners are group refs, but a bare team name (a namespace's `team` label) means the same team. */
function sameTeam(owner: string | undefined, team: string): boolean {
  if (!owner) return false;
  if (owner === team) return true;
  const bare = (ref: string) => !ref.includes(':') && !ref.includes('/');
  return (
    (bare(owner) && owner === teamName(team)) ||
    (bare(team) && team === teamName(owner))
  );
}

function stripStar(p: string): string {
  return p.endsWith('*') ? p.slice(0, -1) : p;
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort(compare);
}

function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
