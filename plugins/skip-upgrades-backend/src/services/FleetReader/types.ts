import type { ClusterMetadata } from '@internal/plugin-skip-common';

/** A cluster as the fleet cache reports it now. */
export type FleetCluster = {
  metadata: ClusterMetadata;
  /** The GKE on VMware release (or GKE version) it reports; undefined while unknown. */
  version?: string;
  reachable: boolean;
  nodes?: { ready: number; total: number };
  /** The admin cluster reports an upgrade running on it. */
  upgrading: boolean;
};

/** What a soak and a postflight look at: nodes, node pools and the Argo CD apps on the cluster. */
export type ClusterHealth = {
  cluster: string;
  reachable: boolean;
  version?: string;
  upgrading: boolean;
  notReadyNodes: string[];
  nodesTotal: number;
  pools: { name: string; kubeletVersions: string[] }[];
  /** Argo CD apps on the cluster that are not Healthy (Progressing counts as not yet healthy). */
  unhealthyApps: { name: string; namespace: string; health: string }[];
};

/** The fleet as the fleet backend's watch cache sees it. */
export interface FleetReader {
  clusters(): Promise<FleetCluster[]>;
  health(cluster: string): Promise<ClusterHealth>;
}
