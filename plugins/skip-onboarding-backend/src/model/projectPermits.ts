import { argoGlobMatch } from './argoGlob';

/** One entry of an AppProject's `spec.destinations`. */
export type ProjectDestination = {
  namespace?: string;
  server?: string;
  name?: string;
};

/** The destination cluster as Argo CD knows it: its name in Argo CD and its API server URL. */
export type ProjectCluster = { name?: string; server?: string };

/**
 * Whether an AppProject with these destinations lets an Application deploy to `namespace` on
 * `cluster`, decided the way Argo CD decides it (AppProject.isDestinationMatched, checked
 * against argo-cd master with gobwas/glob v0.2.3), not the way its docs describe it:
 *
 * - A destination field that is missing is the empty pattern, which matches only the empty
 *   string: `{ namespace: 'x-*' }` without `server` or `name` permits no cluster, and a missing
 *   `namespace` permits only cluster-scoped objects. (The fleet simulator reads a missing field
 *   as `*`, which is more permissive than Argo CD.) Only the literal pattern `*` is a wildcard
 *   shortcut; other patterns go through argoGlobMatch.
 * - A field starting with `!` is negated: it "matches" every value its rest does not match. An
 *   entry matches when its namespace matches and its server or its name matches.
 * - Entries are read in order. A matching entry permits. A non-matching entry refuses at once
 *   when it has a negated name that did not match, or a negated server that did not match while
 *   its namespace did, or a negated namespace that did not match while its server (not its name:
 *   Argo CD checks the server only) did. A refusal after an earlier permit still refuses.
 * - Argo CD documents deny entries as "any allow permits and no deny rejects", but a negated
 *   entry also permits whatever it does not deny: `{ namespace: '!kube-system', server: '*' }`
 *   lets the project deploy to every other namespace of every cluster (argo-cd#21264). We model
 *   that, because a check that promises less access than Argo CD grants is the dangerous way to
 *   be wrong; the portal's own AppProjects never use `!`.
 *
 * `cluster` is the cluster's name and server, as Argo CD resolves both before matching. A plain
 * string is a cluster known only by its name; it is tested against server patterns as well (as
 * the simulator does), so `server: '*'` permits it, while a server URL pattern needs the object.
 * `spec.permitOnlyProjectScopedClusters` is not modelled.
 */
export function projectPermits(
  destinations: ProjectDestination[],
  cluster: string | ProjectCluster,
  namespace: string,
): boolean {
  const target: ProjectCluster =
    typeof cluster === 'string' ? { name: cluster, server: cluster } : cluster;
  const name = target.name ?? '';
  const server = target.server ?? '';
  let permitted = false;
  for (const d of destinations) {
    const nameMatched = name !== '' && fieldMatch(d.name, name);
    const serverMatched = server !== '' && fieldMatch(d.server, server);
    const namespaceMatched = fieldMatch(d.namespace, namespace);
    if ((serverMatched || nameMatched) && namespaceMatched) {
      permitted = true;
    } else if (
      // Go's precedence, kept: `&&` binds tighter, so a negated name refuses whatever the
      // namespace (argo-cd#28854 would add the namespace condition to both).
      (!nameMatched && isDeny(d.name)) ||
      (!serverMatched && isDeny(d.server) && namespaceMatched)
    ) {
      return false;
    } else if (!namespaceMatched && isDeny(d.namespace) && serverMatched) {
      return false;
    }
  }
  return permitted;
}

function isDeny(pattern: string | undefined): boolean {
  return (pattern ?? '').startsWith('!');
}

/** Argo CD's globMatch with negation allowed. */
function fieldMatch(pattern: string | undefined, value: string): boolean {
  const p = pattern ?? '';
  if (isDeny(p)) return !argoGlobMatch(p.slice(1), value);
  if (p === '*') return true;
  return argoGlobMatch(p, value);
}
