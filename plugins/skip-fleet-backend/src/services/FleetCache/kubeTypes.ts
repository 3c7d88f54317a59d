/**
 * The cache keeps each watched object only as the slim shape below, projected on ingest
 * (see projectWatched.ts): exactly the fields some reader of the cache uses. A reader that
 * wants another field fails to compile until the field is added here and to its projection.
 */

/** The metadata every cached object keeps; `resourceVersion` tells a change from a resend. */
export type CachedMetadata = {
  name: string;
  /** Absent for cluster-scoped kinds. */
  namespace?: string;
  resourceVersion?: string;
};

/** A condition as the readers of nodes and deployments use it. */
export type CachedCondition = {
  type: string;
  status: string;
  reason?: string;
  message?: string;
};

/** A node: its pool, role and zone labels, Ready condition, kubelet and cordon. */
export type CachedNode = {
  metadata: CachedMetadata & { labels?: Record<string, string> };
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: CachedCondition[];
    nodeInfo?: { kubeletVersion?: string };
  };
};

/** A namespace: every label (access rules may select any of them) and when it was made. */
export type CachedNamespace = {
  metadata: CachedMetadata & {
    labels?: Record<string, string>;
    /** ISO 8601. */
    creationTimestamp?: string;
  };
};

/** The fields of a Skiperator Application the portal reads (skiperator.kartverket.no/v1alpha1). */
export type SkiperatorApplication = {
  /** Of the labels only `team`, the owner when the spec names none. */
  metadata: CachedMetadata & { labels?: { team?: string } };
  spec?: {
    image?: string;
    team?: string;
    ingresses?: string[];
    replicas?: number | { min?: number; max?: number };
    /** As the CRD allows; parsed where it is read (skiperatorAccessPolicy.ts). */
    accessPolicy?: unknown;
  };
  status?: {
    summary?: { status?: string; message?: string; timestamp?: string };
    /**
     * Skiperator's `subresources` map (keyed `Kind[name]`) as a list: keys unique to each
     * app would give every cached object a hidden class of its own.
     */
    subresources?: Array<{ key: string; status?: string; message?: string }>;
    conditions?: Array<{
      type: string;
      status: 'True' | 'False' | 'Unknown';
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    }>;
    /** Skiperator's verdict on the access policy, shown beside the resolved rules. */
    accessPolicies?: string;
  };
};

/** A Deployment Skiperator made: what its health and replica counts are judged from. */
export type CachedDeployment = {
  metadata: CachedMetadata;
  spec?: { replicas?: number };
  status?: {
    conditions?: CachedCondition[];
    availableReplicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
  };
};

/** One entry of an Argo CD app's `status.resources`, as the portal shows it. */
export type ArgoManagedResource = {
  group?: string;
  version?: string;
  kind: string;
  namespace?: string;
  name: string;
  status?: string;
  health?: { status?: string; message?: string };
};

/** The fields of an Argo CD Application the portal reads (argoproj.io/v1alpha1). */
export type ArgoApplication = {
  metadata: CachedMetadata;
  spec?: {
    project?: string;
    source?: { repoURL?: string };
    /** Only the first source is kept: it is the one the portal names. */
    sources?: Array<{ repoURL?: string }>;
    destination?: { name?: string; server?: string; namespace?: string };
  };
  status?: {
    sync?: { status?: string; revision?: string };
    health?: { status?: string; message?: string };
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
    };
    reconciledAt?: string;
    resources?: ArgoManagedResource[];
  };
};

/** GKE on VMware's own record of a cluster, kept in its admin cluster. */
export type OnPremClusterObject = {
  metadata: CachedMetadata;
  spec?: { gkeOnPremVersion?: string };
  status?: { version?: string; state?: string; lastUpdateTime?: string };
};

/** The kinds the cache watches, with the slim object type each holds. */
export type WatchedKinds = {
  nodes: CachedNode;
  namespaces: CachedNamespace;
  skiperatorApps: SkiperatorApplication;
  deployments: CachedDeployment;
  argoApps: ArgoApplication;
  onpremUserClusters: OnPremClusterObject;
  onpremAdminClusters: OnPremClusterObject;
};
export type WatchedKind = keyof WatchedKinds;
