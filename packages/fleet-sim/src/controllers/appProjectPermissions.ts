import { normalizeRepoUrl } from './AppsRepos';

/** A group/kind entry of an AppProject's resource white- and blacklists. */
export type GroupKind = { group?: string; kind?: string };

/** What Argo CD reads of an AppProject's spec to permit an Application and its resources. */
export type AppProjectSpec = {
  sourceRepos?: string[];
  destinations?: { server?: string; name?: string; namespace?: string }[];
  clusterResourceWhitelist?: GroupKind[];
  clusterResourceBlacklist?: GroupKind[];
  namespaceResourceWhitelist?: GroupKind[];
  namespaceResourceBlacklist?: GroupKind[];
};

/** An Application destination once the cluster name and server are both known (ValidateDestination). */
export type ResolvedDestination = {
  name: string;
  server: string;
  namespace: string;
};

/**
 * Argo CD's `globMatch` (gobwas/glob): `*` matches any run of characters (not the separator
 * when one is given, `**` crosses it), `?` one character, `{a,b}` alternatives; a leading `!`
 * negates when allowed; an empty pattern matches only the empty string.
 */
export function argoGlobMatch(
  pattern: string,
  value: string,
  allowNegation: boolean,
  separator?: string,
): boolean {
  if (allowNegation && pattern.startsWith('!'))
    return !argoGlobMatch(pattern.slice(1), value, false, separator);
  if (pattern === '*') return true;
  return globRegExp(pattern, separator)?.test(value) ?? false;
}

const compiled = new Map<string, RegExp | undefined>();

function globRegExp(pattern: string, separator?: string): RegExp | undefined {
  const key = `${separator ?? ''}\u0000${pattern}`;
  if (compiled.has(key)) return compiled.get(key);
  const any = separator ? `[^${escapeRegExp(separator)}]` : '.';
  let source = '';
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*' && pattern[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += `${any}*`;
    else if (c === '?') source += any;
    else if (c === '{') {
      depth++;
      source += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      source += ')';
    } else if (c === ',' && depth > 0) source += '|';
    else source += escapeRegExp(c);
  }
  let re: RegExp | undefined;
  try {
    re = new RegExp(`^${source}$`);
  } catch {
    re = undefined; // gobwas/glob fails to compile it: Argo CD logs a warning and matches nothing
  }
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(key, re);
  return re;
}

/** `AppProject.IsSourcePermitted`: the repo URL matches a `sourceRepos` entry and no deny pattern. */
export function isSourcePermitted(
  project: AppProjectSpec,
  repoURL: string,
): boolean {
  const src = normalizeRepoUrl(repoURL);
  let any = false;
  for (const repo of project.sourceRepos ?? []) {
    const deny = repo.startsWith('!');
    const normalized = deny
      ? `!${normalizeRepoUrl(repo.slice(1))}`
      : normalizeRepoUrl(repo);
    if (argoGlobMatch(normalized, src, true, '/')) any = true;
    else if (deny) return false;
  }
  return any;
}

/** `AppProject.isDestinationMatched` of Argo CD v2.14 (deny patterns included). */
export function isDestinationMatched(
  project: AppProjectSpec,
  dst: { name?: string; server?: string; namespace: string },
): boolean {
  let any = false;
  for (const item of project.destinations ?? []) {
    const nameMatched = !!dst.name && argoGlobMatch(item.name ?? '', dst.name, true);
    const serverMatched =
      !!dst.server && argoGlobMatch(item.server ?? '', dst.server, true);
    const namespaceMatched = argoGlobMatch(item.namespace ?? '', dst.namespace, true);
    if ((serverMatched || nameMatched) && namespaceMatched) any = true;
    else if (
      (!nameMatched && isDeny(item.name)) ||
      (!serverMatched && isDeny(item.server) && namespaceMatched)
    )
      return false;
    else if (!namespaceMatched && isDeny(item.namespace) && serverMatched)
      return false;
  }
  return any;
}

/**
 * `AppProject.IsGroupKindPermitted`: namespaced kinds pass unless blacklisted (or a whitelist is
 * set and misses them); cluster-scoped kinds need the cluster whitelist.
 */
export function isGroupKindPermitted(
  project: AppProjectSpec,
  group: string,
  kind: string,
  namespaced: boolean,
): boolean {
  const inList = (list: GroupKind[]) =>
    list.some(
      r =>
        argoGlobMatch(r.kind ?? '', kind, false) &&
        argoGlobMatch(r.group ?? '', group, false),
    );
  if (namespaced) {
    const white = project.namespaceResourceWhitelist;
    const black = project.namespaceResourceBlacklist ?? [];
    return (white === undefined || inList(white)) && !inList(black);
  }
  return (
    inList(project.clusterResourceWhitelist ?? []) &&
    !inList(project.clusterResourceBlacklist ?? [])
  );
}

function isDeny(pattern: string | undefined): boolean {
  return !!pattern?.startsWith('!');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
