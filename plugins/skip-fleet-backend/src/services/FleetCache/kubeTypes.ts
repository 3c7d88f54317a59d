import type {
  KubernetesObject,
  V1Deployment,
  V1Namespace,
  V1Node,
} from '@kubernetes/client-node';

/** The fields of a Skiperator Application the portal reads (skiperator.kartverket.no/v1alpha1). */
export type SkiperatorApplication = KubernetesObject & {
  spec?: {
    image?: string;
    team?: string;
    ingresses?: string[];
    replicas?: number | { min?: number; max?: number };
  };
  status?: {
    summary?: { status?: string; message?: string; timestamp?: string };
    subresources?: Record<
      string,
      { status?: string; message?: string; timestamp?: string }
    >;
    conditions?: Array<{
      type: string;
      status: 'True' | 'False' | 'Unknown';
      reason?: string;
      message?: string;
      lastTransitionTime?: string;
    }>;
  };
};

/** The fields of an Argo CD Application the portal reads (argoproj.io/v1alpha1). */
export type ArgoApplication = KubernetesObject & {
  spec?: {
    project?: string;
    source?: { repoURL?: string };
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
    resources?: Array<{
      group?: string;
      version?: string;
      kind: string;
      namespace?: string;
      name: string;
      status?: string;
      health?: { status?: string; message?: string };
    }>;
  };
};

/** GKE on VMware's own record of a cluster, kept in its admin cluster. */
export type OnPremClusterObject = KubernetesObject & {
  spec?: { gkeOnPremVersion?: string };
  status?: { version?: string; state?: string; lastUpdateTime?: string };
};

/** The kinds the cache watches, with the object type each holds. */
export type WatchedKinds = {
  nodes: V1Node;
  namespaces: V1Namespace;
  skiperatorApps: SkiperatorApplication;
  deployments: V1Deployment;
  argoApps: ArgoApplication;
  onpremUserClusters: OnPremClusterObject;
  onpremAdminClusters: OnPremClusterObject;
};
export type WatchedKind = keyof WatchedKinds;
