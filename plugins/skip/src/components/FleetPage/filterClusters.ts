import type { ClusterStatus } from '@internal/plugin-skip-common';

/** The words a cluster is found by: its name, environment, site, platform, versions and admin cluster. */
function searchableText(c: ClusterStatus): string {
  return [
    c.metadata.name,
    c.metadata.environment,
    c.metadata.site,
    c.metadata.platform,
    c.metadata.controlPlane,
    c.metadata.adminCluster,
    c.versions.kubernetes,
    c.versions.platform,
    c.freshness.reachability,
  ]
    .filter(Boolean)
    .join(' ')
    .toLocaleLowerCase('en-US');
}

/** The clusters that hold every word of the filter (any order, any case). */
export function filterClusters(
  clusters: ClusterStatus[],
  filter: string,
): ClusterStatus[] {
  const words = filter.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  if (words.length === 0) return clusters;
  return clusters.filter(c => {
    const text = searchableText(c);
    return words.every(w => text.includes(w));
  });
}
