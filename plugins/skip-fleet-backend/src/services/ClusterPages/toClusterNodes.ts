import type { CachedNode } from '../FleetCache';
import type { ClusterNode, NodePool } from '@internal/plugin-skip-common';

/**
 * Labels that name a node's pool: GKE's, and GKE on VMware's as the fleet simulator writes
 * it. The first one a node carries wins.
 */
const POOL_LABELS = [
  'cloud.google.com/gke-nodepool',
  'onprem.gke.io/pool',
  'onprem.gke.io/node-pool',
];
const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';
const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** How the page names the pool of nodes that carry no pool label. */
export const NO_POOL = '(no pool)';

/** One node as the cluster page shows it: pool, kubelet, Ready or why not. */
export function toClusterNode(node: CachedNode): ClusterNode {
  const labels = node.metadata?.labels ?? {};
  const readyCondition = node.status?.conditions?.find(c => c.type === 'Ready');
  const ready = readyCondition?.status === 'True';
  const pool = POOL_LABELS.map(l => labels[l]).find(Boolean);
  return {
    name: node.metadata?.name ?? '',
    pool,
    kubeletVersion: node.status?.nodeInfo?.kubeletVersion,
    ready,
    // A node whose kubelet stopped reporting has Ready Unknown and often no reason of its own.
    notReadyReason: ready
      ? undefined
      : readyCondition?.reason ?? 'NoReadyCondition',
    unschedulable: node.spec?.unschedulable ? true : undefined,
    roles: Object.keys(labels)
      .filter(l => l.startsWith(ROLE_LABEL_PREFIX))
      .map(l => l.slice(ROLE_LABEL_PREFIX.length))
      .filter(Boolean)
      .sort(),
    zone: labels[ZONE_LABEL],
  };
}

/** The nodes sorted by pool and name, and one line per pool with its Ready count and kubelet versions. */
export function toClusterNodes(nodes: ReadonlyArray<CachedNode>): {
  nodes: ClusterNode[];
  nodePools: NodePool[];
} {
  const shown = nodes
    .map(toClusterNode)
    .sort(
      (a, b) =>
        (a.pool ?? NO_POOL).localeCompare(b.pool ?? NO_POOL) ||
        a.name.localeCompare(b.name),
    );
  const pools = new Map<string, NodePool>();
  for (const node of shown) {
    const name = node.pool ?? NO_POOL;
    const pool = pools.get(name) ?? {
      name,
      nodes: 0,
      ready: 0,
      kubeletVersions: [],
    };
    pool.nodes += 1;
    if (node.ready) pool.ready += 1;
    if (
      node.kubeletVersion &&
      !pool.kubeletVersions.includes(node.kubeletVersion)
    ) {
      pool.kubeletVersions.push(node.kubeletVersion);
    }
    pools.set(name, pool);
  }
  for (const pool of pools.values()) pool.kubeletVersions.sort();
  return { nodes: shown, nodePools: [...pools.values()] };
}
