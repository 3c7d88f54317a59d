import {
  ClusterFreshness,
  ClusterStatus,
  describeClusterErrorCategory,
} from '@internal/plugin-skip-common';
import type { SkipConfig } from '@internal/plugin-skip-node';
import { ClusterWatches } from './ClusterWatches';
import { WatchedKind } from './kubeTypes';

/** What the cache last knew of a cluster before this process started (from the database). */
export type RememberedCluster = {
  cluster: string;
  kubernetesVersion?: string;
  platformVersion?: string;
  nodesReady?: number;
  nodesTotal?: number;
  lastSeenAt?: Date;
};

/**
 * The rows of the fleet page: each cluster's freshness, versions, nodes and running
 * upgrade, from its watch, its admin cluster's on-prem objects, or what was remembered.
 */
export class ClusterRows {
  private readonly remembered = new Map<string, RememberedCluster>();

  constructor(
    private readonly config: SkipConfig,
    private readonly watches: ClusterWatches,
    remembered: RememberedCluster[],
  ) {
    for (const r of remembered) this.remembered.set(r.cluster, r);
  }

  /** Clusters whose row a change of this kind in this cluster may change. */
  affectedBy(cluster: string, kind: WatchedKind): string[] {
    if (kind === 'nodes') return [cluster];
    if (kind === 'onpremUserClusters' || kind === 'onpremAdminClusters') {
      // An admin cluster's on-prem objects describe itself and the clusters it manages.
      return this.config.clusters
        .map(c => c.metadata)
        .filter(m => m.name === cluster || m.adminCluster === cluster)
        .map(m => m.name);
    }
    return [];
  }

  freshness(cluster: string): ClusterFreshness {
    const watch = this.watches.get(cluster);
    const lastSeenAt =
      watch?.lastSeenAt ?? this.remembered.get(cluster)?.lastSeenAt;
    return {
      cluster,
      reachability: watch?.reachability ?? 'pending',
      lastSeenAt: lastSeenAt?.toISOString(),
      errorCategory: watch?.errorCategory,
      error: watch?.errorCategory
        ? describeClusterErrorCategory(watch.errorCategory)
        : undefined,
      unreadable:
        watch && watch.kindErrors.size > 0
          ? [...watch.kindErrors].map(
              ([kind, category]) =>
                `${kind}: ${describeClusterErrorCategory(category)}`,
            )
          : undefined,
    };
  }

  /** Every cluster's row for the fleet page. */
  all(): ClusterStatus[] {
    return this.config.clusters.map(({ metadata }) => {
      const watch = this.watches.get(metadata.name);
      const remembered = this.remembered.get(metadata.name);
      return {
        metadata,
        versions: {
          kubernetes: watch?.kubernetesVersion ?? remembered?.kubernetesVersion,
          platform:
            this.platformVersion(metadata.name) ?? remembered?.platformVersion,
        },
        nodes: this.nodeCounts(metadata.name, remembered),
        freshness: this.freshness(metadata.name),
        upgradeInProgress: this.upgradeInProgress(metadata.name),
      };
    });
  }

  /** The platform release a cluster runs: GKE reports it in /version, on-prem clusters in their admin cluster. */
  platformVersion(cluster: string): string | undefined {
    const configured = this.config.cluster(cluster);
    if (configured?.metadata.platform === 'gke') {
      return this.watches.get(cluster)?.kubernetesVersion?.replace(/^v/, '');
    }
    const object = this.onPremObject(cluster);
    return object?.status?.version ?? object?.spec?.gkeOnPremVersion;
  }

  /** An upgrade the admin cluster reports as running on an on-prem cluster. */
  upgradeInProgress(cluster: string): ClusterStatus['upgradeInProgress'] {
    const object = this.onPremObject(cluster);
    if (object?.status?.state !== 'UPGRADING') return undefined;
    const target = object.spec?.gkeOnPremVersion;
    return {
      targetVersion:
        target && target !== object.status.version ? target : undefined,
      since: object.status.lastUpdateTime,
    };
  }

  private nodeCounts(
    cluster: string,
    remembered: RememberedCluster | undefined,
  ): ClusterStatus['nodes'] {
    const nodes = this.watches.get(cluster)?.list('nodes') ?? [];
    if (nodes.length > 0) {
      const ready = nodes.filter(n =>
        n.status?.conditions?.some(
          c => c.type === 'Ready' && c.status === 'True',
        ),
      ).length;
      return { ready, total: nodes.length };
    }
    if (remembered?.nodesTotal !== undefined) {
      return {
        ready: remembered.nodesReady ?? 0,
        total: remembered.nodesTotal,
      };
    }
    return undefined;
  }

  private onPremObject(cluster: string) {
    const metadata = this.config.cluster(cluster)?.metadata;
    if (!metadata || metadata.platform !== 'anthos-vmware') return undefined;
    const admin = this.watches.get(
      metadata.role === 'admin' ? cluster : metadata.adminCluster ?? '',
    );
    if (!admin) return undefined;
    const kind =
      metadata.role === 'admin' ? 'onpremAdminClusters' : 'onpremUserClusters';
    const objects = admin.list(kind);
    return (
      objects.find(o => o.metadata?.name === cluster) ??
      (metadata.role === 'admin' ? objects[0] : undefined)
    );
  }
}
