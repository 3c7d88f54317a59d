import type { KubernetesObject } from '@kubernetes/client-node';

/** The fields of a Skiperator Application the portal reads (skiperator.kartverket.no/v1alpha1). */
export type SkiperatorApplication = KubernetesObject & {
  spec?: {
    image?: string;
    team?: string;
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
