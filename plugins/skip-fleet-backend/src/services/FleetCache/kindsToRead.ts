import { WatchedKind } from './kubeTypes';

/** One kind a cluster is read for: its collection and, where only some objects matter, a selector. */
export type KindToRead = {
  kind: WatchedKind;
  path: string;
  labelSelector?: string;
};

const SKIPERATOR_MANAGED = 'app.kubernetes.io/managed-by=skiperator';

/**
 * The kinds the cache reads of one cluster: what ClusterWatch starts informers for, and
 * what a Connect gateway's plan counts streams and lists of.
 */
export function kindsToRead(cluster: {
  /** Whether Argo CD instances run in this cluster (their Applications are read in every namespace). */
  watchArgoApps: boolean;
  /** Admin clusters hold the on-prem cluster objects that carry platform versions. */
  isAdminCluster: boolean;
}): KindToRead[] {
  const kinds: KindToRead[] = [
    { kind: 'nodes', path: '/api/v1/nodes' },
    { kind: 'namespaces', path: '/api/v1/namespaces' },
  ];
  // Admin clusters run no product workloads, and usually no Skiperator.
  if (!cluster.isAdminCluster) {
    kinds.push(
      {
        kind: 'skiperatorApps',
        path: '/apis/skiperator.kartverket.no/v1alpha1/applications',
      },
      {
        kind: 'deployments',
        path: '/apis/apps/v1/deployments',
        labelSelector: SKIPERATOR_MANAGED,
      },
    );
  }
  if (cluster.watchArgoApps) {
    kinds.push({
      kind: 'argoApps',
      path: '/apis/argoproj.io/v1alpha1/applications',
    });
  }
  if (cluster.isAdminCluster) {
    kinds.push(
      {
        kind: 'onpremUserClusters',
        path: '/apis/onprem.cluster.gke.io/v1alpha1/onpremuserclusters',
      },
      {
        kind: 'onpremAdminClusters',
        path: '/apis/onprem.cluster.gke.io/v1alpha1/onpremadminclusters',
      },
    );
  }
  return kinds;
}
