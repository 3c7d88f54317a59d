import type { ClusterStatus } from '@internal/plugin-skip-common';

/** Why a cluster's Kubernetes version stands out among the clusters of its environment. */
export type VersionDrift = {
  /** The versions the other clusters of the environment run, most common first. */
  others: string[];
};

/**
 * Which clusters run a Kubernetes version that differs from the rest of their environment.
 * When one version is the most common, only the clusters that differ from it drift; when
 * no version is (e.g. one cluster each), every cluster of the environment does. Admin
 * clusters are compared with each other, apart from the user clusters they manage.
 */
export function versionDrift(
  clusters: ClusterStatus[],
): Map<string, VersionDrift> {
  const groups = new Map<string, ClusterStatus[]>();
  for (const c of clusters) {
    if (!c.versions.kubernetes) continue;
    const key = `${c.metadata.role}/${c.metadata.environment}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const drift = new Map<string, VersionDrift>();
  for (const group of groups.values()) {
    const counts = new Map<string, number>();
    for (const c of group) {
      const v = c.versions.kubernetes!;
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    if (counts.size < 2) continue;
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    const common = first[1] > second[1] ? first[0] : undefined;
    for (const c of group) {
      const version = c.versions.kubernetes!;
      if (version === common) continue;
      drift.set(c.metadata.name, {
        others: ranked.map(([v]) => v).filter(v => v !== version),
      });
    }
  }
  return drift;
}
