import type {
  ClusterDetails,
  ClusterStatus,
  Environment,
} from '@internal/plugin-skip-common';

/**
 * A fleet row: on-prem (atkv3-*) clusters are GKE on VMware under `adminCluster`, the
 * others GKE; `overrides` replaces what a test is about.
 */
export function clusterRow(
  name: string,
  environment: Environment,
  overrides: {
    kubernetes?: string;
    role?: 'user' | 'admin';
    adminCluster?: string;
    freshness?: Partial<ClusterStatus['freshness']>;
  } = {},
): ClusterStatus {
  const gke = name.startsWith('atgcp');
  const role = overrides.role ?? 'user';
  return {
    metadata: {
      name,
      environment,
      site: gke ? 'atgcp1' : 'atkv3',
      platform: gke ? 'gke' : 'anthos-vmware',
      controlPlane: gke ? 'gke-managed' : 'kubeception',
      role,
      adminCluster:
        gke || role === 'admin'
          ? undefined
          : overrides.adminCluster ?? 'atkv3-admin-nonprod',
    },
    versions: {
      kubernetes: overrides.kubernetes ?? 'v1.30.6-gke.1700',
      platform: gke ? undefined : '1.30.300-gke.84',
    },
    nodes: { ready: 3, total: 3 },
    freshness: {
      cluster: name,
      reachability: 'reachable',
      lastSeenAt: new Date().toISOString(),
      ...overrides.freshness,
    },
  };
}

/** atkv3-dev's page: two nodes (one not Ready, mid-upgrade) and two apps, one claimed by a component. */
export function devClusterDetails(): ClusterDetails {
  return {
    cluster: clusterRow('atkv3-dev', 'dev'),
    manages: [],
    nodePools: [
      {
        name: 'pool-1',
        nodes: 2,
        ready: 1,
        kubeletVersions: ['v1.30.6-gke.1700', 'v1.30.8-gke.1300'],
      },
    ],
    nodes: [
      {
        name: 'atkv3-dev-pool-1-abc-1',
        pool: 'pool-1',
        kubeletVersion: 'v1.30.8-gke.1300',
        ready: true,
        roles: [],
        zone: 'atkv3-rack-1',
      },
      {
        name: 'atkv3-dev-pool-1-abc-2',
        pool: 'pool-1',
        kubeletVersion: 'v1.30.6-gke.1700',
        ready: false,
        notReadyReason: 'KubeletNotReady',
        unschedulable: true,
        roles: [],
        zone: 'atkv3-rack-2',
      },
    ],
    apps: [
      {
        namespace: 'matrikkel-api-main',
        name: 'matrikkel-api',
        health: 'Degraded',
        status: 'Error',
        tag: 'v2.4.0',
        replicas: { desired: 2, ready: 0 },
        argo: {
          instance: 'argocd-nonprod',
          namespace: 'argocd',
          name: 'atkv3-dev-matrikkel-api-main',
          sync: 'Synced',
          health: 'Degraded',
        },
        component: 'component:default/matrikkel-api',
      },
      {
        namespace: 'skip-tools',
        name: 'orphan-job',
        health: 'Healthy',
        status: 'Synced',
        replicas: { desired: 1, ready: 1 },
      },
    ],
    generatedAt: new Date().toISOString(),
  };
}
