import {
  ENVIRONMENTS,
  type AccessClusterScope,
  type AccessEnvironmentClusters,
  type AccessGroup,
  type AccessNamespaceScope,
  type Environment,
} from '@internal/plugin-skip-common';

/** The environments a rule's cluster scope reaches: all, the named one, or the one its cluster is in. */
export function environmentsOf(
  scope: AccessClusterScope,
  environments: AccessEnvironmentClusters[],
): Environment[] {
  if (scope.type === 'all') return [...ENVIRONMENTS];
  if (scope.type === 'environment') {
    return scope.environment ? [scope.environment] : [];
  }
  return environments
    .filter(e => scope.cluster && e.clusters.includes(scope.cluster))
    .map(e => e.environment);
}

/** "all clusters", "every dev cluster", "atkv3-prod". */
export function describeClusters(scope: AccessClusterScope): string {
  if (scope.type === 'all') return 'all clusters';
  if (scope.type === 'environment') return `every ${scope.environment} cluster`;
  return scope.cluster ?? 'a cluster';
}

/** The team prefix a team-prefix scope means, from the groups (the backend resolves the same). */
export function prefixOf(team: string | undefined, groups: AccessGroup[]) {
  return groups.find(g => g.ref === team)?.prefix;
}

/** "cluster-wide", "matrikkel-api, matrikkel-web" or "prefix seeiendom-". */
export function describeNamespaces(
  scope: AccessNamespaceScope,
  groups: AccessGroup[],
): string {
  if (scope.type === 'cluster-wide') return 'cluster-wide';
  if (scope.type === 'names') return (scope.names ?? []).join(', ');
  const prefix = prefixOf(scope.team, groups);
  return prefix ? `prefix ${prefix}` : `prefix of ${scope.team} (none)`;
}

/** A group's title, or its ref when the catalog does not know it. */
export function groupTitle(ref: string, groups: AccessGroup[]): string {
  return groups.find(g => g.ref === ref)?.title ?? ref;
}
