import type { AccessGroupInfo } from './types';

/**
 * A group ref as the catalog spells it (`group:default/seeiendom`): lower case, with the
 * default namespace when the ref leaves it out. Rules may write `group:Seeiendom`; the
 * catalog's refs (`AccessGroupInfo.ref`) are lower case, so refs compare after this.
 */
export function normaliseGroupRef(ref: string): string {
  const lower = ref.trim().toLowerCase();
  const body = lower.startsWith('group:')
    ? lower.slice('group:'.length)
    : lower;
  return body.includes('/') ? `group:${body}` : `group:default/${body}`;
}

/** The name part of a group ref: `group:default/seeiendom` → `seeiendom`. */
export function groupRefName(ref: string): string {
  const normalised = normaliseGroupRef(ref);
  return normalised.slice(normalised.indexOf('/') + 1);
}

/** The catalog group a ref names, compared after {@link normaliseGroupRef}. */
export function findGroup(
  groups: AccessGroupInfo[],
  ref: string,
): AccessGroupInfo | undefined {
  const wanted = normaliseGroupRef(ref);
  return groups.find(g => normaliseGroupRef(g.ref) === wanted);
}
