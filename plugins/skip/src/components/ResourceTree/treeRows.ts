import { ResourceTreeNode } from '@internal/plugin-skip-common';

/** One line of the drawn tree: a node and how far it is indented. */
export type TreeRow = ResourceTreeNode & {
  /** 0 for the Application at the root, 1 for what it owns directly, and so on. */
  depth: number;
};

/**
 * The tree's nodes as lines to draw, in the backend's depth-first order, each indented one
 * step deeper than its parent. A node whose parent is not in the answer (an owner the
 * cluster did not let the backend read) hangs one step under the root, so it is still seen
 * and never looks like a second root.
 */
export function treeRows(nodes: ResourceTreeNode[]): TreeRow[] {
  const depthById = new Map<string, number>();
  return nodes.map(node => {
    let depth = 0;
    if (node.parent !== undefined) {
      const parentDepth = depthById.get(node.parent);
      depth = parentDepth === undefined ? 1 : parentDepth + 1;
    }
    depthById.set(node.id, depth);
    return { ...node, depth };
  });
}

/** How Argo CD's sync status of one object is said: absent when Argo CD does not track it. */
export function syncWords(
  sync: ResourceTreeNode['sync'],
): { tone: 'ok' | 'warning'; word: string } | undefined {
  if (!sync) return undefined;
  // Pruning is what a person must act on, whatever the status says.
  if (sync.requiresPruning)
    return { tone: 'warning', word: 'Requires pruning' };
  if (sync.status === 'Synced') return { tone: 'ok', word: 'Synced' };
  if (sync.status === 'OutOfSync')
    return { tone: 'warning', word: 'OutOfSync' };
  return { tone: 'warning', word: 'Sync unknown' };
}
