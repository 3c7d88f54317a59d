import type {
  ClusterStatus,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { noticeableAppState, noticeableClusterState } from './noticeableState';

const app: SkiperatorAppSummary = {
  cluster: 'atkv3-dev',
  environment: 'dev',
  namespace: 'matrikkel-api-main',
  name: 'matrikkel-api',
  team: 'matrikkel',
  image: 'ghcr.io/kartverket/matrikkel-api',
  tag: 'v2.3.9',
  replicas: { desired: 2, ready: 2 },
  summary: {
    status: 'Synced',
    message: 'All subresources synced',
    timestamp: '2026-11-24 10:00:00 +0000 UTC',
  },
  conditions: [
    {
      type: 'Ready',
      status: 'True',
      reason: 'ReadyReplicas',
      lastTransitionTime: '2026-11-24T10:00:00Z',
    },
  ],
  ownedResources: [],
  health: 'Healthy',
  argo: {
    instance: 'argocd-nonprod',
    namespace: 'argocd',
    name: 'matrikkel-api-dev',
    destination: { cluster: 'atkv3-dev', namespace: 'matrikkel-api-main' },
    sync: { status: 'Synced', revision: 'abc' },
    health: { status: 'Healthy' },
    reconciledAt: '2026-11-24T10:00:00Z',
    resources: [],
  },
};

const row: ClusterStatus = {
  metadata: {
    name: 'atkv3-dev',
    environment: 'dev',
    site: 'atkv3',
    platform: 'anthos-vmware',
    controlPlane: 'kubeception',
    role: 'user',
    adminCluster: 'atkv3-admin',
  },
  versions: { kubernetes: 'v1.30.8-gke.1300', platform: '1.30.400-gke.133' },
  nodes: { ready: 4, total: 4 },
  freshness: {
    cluster: 'atkv3-dev',
    reachability: 'reachable',
    lastSeenAt: '2026-11-24T10:00:00.000Z',
  },
  upgradeInProgress: {
    targetVersion: '1.31.200-gke.59',
    since: '2026-11-24T09:00:00Z',
  },
};

describe('noticeableAppState', () => {
  it('ignores the timestamps Skiperator and Argo CD rewrite on every reconcile', () => {
    const later = '2026-11-24T11:00:00Z';
    expect(
      noticeableAppState({
        ...app,
        summary: { ...app.summary, timestamp: later },
        conditions: [{ ...app.conditions[0], lastTransitionTime: later }],
        argo: { ...app.argo!, reconciledAt: later },
      }),
    ).toBe(noticeableAppState(app));
  });

  it('tells apart what a person sees: health, sync status, image tag', () => {
    const states = [
      app,
      { ...app, health: 'Degraded' as const },
      {
        ...app,
        argo: { ...app.argo!, sync: { status: 'OutOfSync' as const } },
      },
      { ...app, tag: 'v2.4.0' },
    ].map(noticeableAppState);
    expect(new Set(states).size).toBe(4);
  });
});

describe('noticeableClusterState', () => {
  it('ignores lastSeenAt and when the admin cluster last rewrote the upgrade', () => {
    expect(
      noticeableClusterState({
        ...row,
        freshness: { ...row.freshness, lastSeenAt: '2026-11-24T10:05:00.000Z' },
        upgradeInProgress: { ...row.upgradeInProgress, since: 'later' },
      }),
    ).toBe(noticeableClusterState(row));
  });

  it('tells apart reachability, nodes and versions', () => {
    const states = [
      row,
      {
        ...row,
        freshness: { ...row.freshness, reachability: 'unreachable' as const },
      },
      { ...row, nodes: { ready: 3, total: 4 } },
      { ...row, versions: { ...row.versions, platform: '1.31.200-gke.59' } },
      { ...row, upgradeInProgress: undefined },
    ].map(noticeableClusterState);
    expect(new Set(states).size).toBe(5);
  });
});
