import type { KubernetesObject } from '@kubernetes/client-node';
import type { ArgoAppRef } from '@internal/plugin-skip-common';
import type { ClusterCalls } from '@internal/plugin-skip-node';

export const ARGO_API_VERSION = 'argoproj.io/v1alpha1';

/** A resource as Argo CD names it in `operation.sync.resources` and `syncResult.resources`. */
export type ArgoResourceKey = {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
};

/** Who started an operation, as Argo CD records it. */
export type ArgoInitiatedBy = { username?: string; automated?: boolean };

/** `operation` on an Application (asked for) and `operationState.operation` (what runs or ran). */
export type ArgoOperation = {
  initiatedBy?: ArgoInitiatedBy;
  sync?: {
    revision?: string;
    prune?: boolean;
    dryRun?: boolean;
    resources?: ArgoResourceKey[];
    syncOptions?: string[];
    syncStrategy?: {
      hook?: Record<string, never>;
      apply?: Record<string, never>;
    };
    /** The source to sync from instead of the spec's (what a rollback sets). */
    source?: ArgoSource;
  };
};

/** Where an Application's manifests come from (`spec.source`, `status.history[].source`). */
export type ArgoSource = {
  repoURL?: string;
  path?: string;
  targetRevision?: string;
};

/** The fields of a live Argo CD Application the details and actions read (argoproj.io/v1alpha1). */
export type LiveArgoApplication = KubernetesObject & {
  operation?: ArgoOperation;
  spec?: {
    project?: string;
    source?: ArgoSource;
    sources?: ArgoSource[];
    destination?: { name?: string; server?: string; namespace?: string };
    syncPolicy?: {
      automated?: { prune?: boolean; selfHeal?: boolean } | null;
      syncOptions?: string[];
    };
  };
  status?: {
    sync?: { status?: string; revision?: string };
    health?: { status?: string; message?: string };
    operationState?: {
      phase?: string;
      message?: string;
      startedAt?: string;
      finishedAt?: string;
      operation?: ArgoOperation;
      syncResult?: {
        revision?: string;
        resources?: Array<
          ArgoResourceKey & {
            status?: string;
            message?: string;
            hookPhase?: string;
            syncPhase?: string;
          }
        >;
      };
    };
    history?: Array<{
      id?: number;
      revision?: string;
      deployedAt?: string;
      deployStartedAt?: string;
      initiatedBy?: ArgoInitiatedBy;
      source?: ArgoSource;
      /** Multi-source apps record one revision per source instead. */
      revisions?: string[];
    }>;
    resources?: Array<ArgoResourceKey & { version?: string }>;
  };
};

/** Reads an Application from its Argo CD instance's cluster (fresh, with spec and full status). */
export function readArgoApplication(
  calls: ClusterCalls,
  cluster: string,
  ref: ArgoAppRef,
  signal?: AbortSignal,
): Promise<LiveArgoApplication> {
  return calls.call(
    cluster,
    argoAppName(ref),
    ({ objects }) =>
      objects.read<LiveArgoApplication>({
        apiVersion: ARGO_API_VERSION,
        kind: 'Application',
        metadata: { name: ref.name, namespace: ref.namespace },
      }),
    { signal },
  );
}

/** How errors name an Argo CD app. */
export function argoAppName(ref: ArgoAppRef): string {
  return `Argo CD app ${ref.instance}/${ref.name}`;
}

/** Whether Argo CD syncs the app by itself (a rollback would be undone at once). */
export function isAutoSynced(app: LiveArgoApplication): boolean {
  return !!app.spec?.syncPolicy?.automated;
}
