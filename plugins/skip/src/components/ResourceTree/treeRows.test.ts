import { ResourceTreeNode } from '@internal/plugin-skip-common';
import { syncWords, treeRows } from './treeRows';

const node = (
  id: string,
  parent?: string,
  extra: Partial<ResourceTreeNode> = {},
): ResourceTreeNode => ({
  id,
  parent,
  apiVersion: 'v1',
  kind: id.split('/')[1],
  namespace: 'foo-main',
  name: id.split('/')[2],
  health: 'Healthy',
  ...extra,
});

describe('treeRows', () => {
  it('indents each node one step deeper than its owner, keeping the depth-first order', () => {
    const rows = treeRows([
      node('skiperator.kartverket.no/Application/foo'),
      node('apps/Deployment/foo', 'skiperator.kartverket.no/Application/foo'),
      node('apps/ReplicaSet/foo-1', 'apps/Deployment/foo'),
      node('core/Pod/foo-1-a', 'apps/ReplicaSet/foo-1'),
      node('core/Pod/foo-1-b', 'apps/ReplicaSet/foo-1'),
      node('core/Service/foo', 'skiperator.kartverket.no/Application/foo'),
    ]);
    expect(rows.map(r => `${r.depth} ${r.kind} ${r.name}`)).toEqual([
      '0 Application foo',
      '1 Deployment foo',
      '2 ReplicaSet foo-1',
      '3 Pod foo-1-a',
      '3 Pod foo-1-b',
      '1 Service foo',
    ]);
  });

  it('hangs a node whose owner is not in the answer under the root, not beside it', () => {
    const rows = treeRows([
      node('skiperator.kartverket.no/Application/foo'),
      node('core/Pod/foo-x', 'apps/ReplicaSet/unread'),
    ]);
    expect(rows.map(r => r.depth)).toEqual([0, 1]);
  });

  it('has nothing to draw for an empty answer', () => {
    expect(treeRows([])).toEqual([]);
  });
});

describe('syncWords', () => {
  it("says Argo CD's sync status, and pruning before anything else", () => {
    expect(syncWords(undefined)).toBeUndefined();
    expect(syncWords({ status: 'Synced' })).toEqual({
      tone: 'ok',
      word: 'Synced',
    });
    expect(syncWords({ status: 'OutOfSync' })).toEqual({
      tone: 'warning',
      word: 'OutOfSync',
    });
    expect(syncWords({ status: 'OutOfSync', requiresPruning: true })).toEqual({
      tone: 'warning',
      word: 'Requires pruning',
    });
    expect(syncWords({ status: 'Unknown' })?.word).toBe('Sync unknown');
  });
});
