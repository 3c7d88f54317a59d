/** A team as namespace ownership needs it: its catalog group, and the prefix it claims if any. */
export type NamespaceClaimant = {
  /** The team's group entity ref, e.g. `group:default/seeiendom`. */
  groupRef: string;
  /** The group's name, which is what a namespace's `team` label holds. */
  name: string;
  /** The namespace prefix the team owns (annotation `skip.kartverket.no/namespace-prefix`). */
  prefix?: string;
};

/** Namespaces only the platform team may look into, unless configured otherwise (`skip.systemNamespaces`). */
export const DEFAULT_SYSTEM_NAMESPACES = [
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'default',
  'argocd',
  'istio-system',
  'istio-gateways',
  'skiperator-system',
  'config-management-system',
  'cert-manager',
  'gke-*',
  'gmp-*',
  'anthos-*',
];

/**
 * The team that owns a namespace: its `team` label decides when it has one (Skiperator
 * defaults `spec.team` from it), otherwise the longest namespace prefix that matches.
 * Returns the owner's group ref, or undefined when no team claims it.
 */
export function namespaceOwner(
  namespace: { name: string; teamLabel?: string },
  teams: readonly NamespaceClaimant[],
): string | undefined {
  const label = namespace.teamLabel?.trim();
  if (label) {
    const labelled = teams.find(t => t.name === label);
    return (
      labelled?.groupRef ?? `group:default/${label.toLocaleLowerCase('en-US')}`
    );
  }
  let owner: NamespaceClaimant | undefined;
  for (const team of teams) {
    if (!team.prefix || !namespace.name.startsWith(team.prefix)) continue;
    // Argo CD's `foo-*` also matches `foo-bar-*`; the more specific claim wins.
    if (!owner || team.prefix.length > (owner.prefix?.length ?? 0)) {
      owner = team;
    }
  }
  return owner?.groupRef;
}

/** True when a namespace name matches one of the patterns (exact names, or a trailing `*`). */
export function isSystemNamespace(
  name: string,
  patterns: readonly string[],
): boolean {
  return patterns.some(pattern =>
    pattern.endsWith('*')
      ? name.startsWith(pattern.slice(0, -1))
      : name === pattern,
  );
}
