import {
  ArgoAppStatus,
  argoHealthStatusSchema,
  argoOperationPhaseSchema,
  argoSyncStatusSchema,
} from '@internal/plugin-skip-common';
import { ArgoApplication } from './kubeTypes';

function oneOf<T extends string>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  value: unknown,
  fallback: T,
): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? (parsed.data as T) : fallback;
}

/** An app's page in an Argo CD web UI (`/applications/<namespace>/<name>`, Argo CD 2.5 and later). */
export function argoAppUiUrl(
  uiBaseUrl: string,
  namespace: string,
  name: string,
): string {
  return `${uiBaseUrl.replace(/\/+$/, '')}/applications/${encodeURIComponent(
    namespace,
  )}/${encodeURIComponent(name)}`;
}

/**
 * An Argo CD Application object as the portal shows it; `cluster` is the resolved
 * destination, `uiBaseUrl` the instance's web UI when configured.
 */
export function toArgoAppStatus(
  instance: string,
  app: ArgoApplication,
  cluster: string | undefined,
  uiBaseUrl?: string,
): ArgoAppStatus {
  const status = app.status ?? {};
  const operation = status.operationState;
  const namespace = app.metadata?.namespace ?? '';
  const name = app.metadata?.name ?? '';
  return {
    instance,
    namespace,
    name,
    project: app.spec?.project,
    repoURL: app.spec?.source?.repoURL ?? app.spec?.sources?.[0]?.repoURL,
    ...(uiBaseUrl ? { url: argoAppUiUrl(uiBaseUrl, namespace, name) } : {}),
    destination: { cluster, namespace: app.spec?.destination?.namespace },
    sync: {
      status: oneOf(argoSyncStatusSchema, status.sync?.status, 'Unknown'),
      revision: status.sync?.revision,
    },
    health: {
      status: oneOf(argoHealthStatusSchema, status.health?.status, 'Unknown'),
      message: status.health?.message,
    },
    operation: operation?.phase
      ? {
          phase: oneOf(argoOperationPhaseSchema, operation.phase, 'Error'),
          message: operation.message,
          startedAt: operation.startedAt,
          finishedAt: operation.finishedAt,
        }
      : undefined,
    reconciledAt: status.reconciledAt,
    resources: (status.resources ?? []).map(r => ({
      group: r.group,
      version: r.version,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      status: oneOf(argoSyncStatusSchema, r.status, 'Unknown'),
      health: r.health?.status
        ? {
            status: oneOf(argoHealthStatusSchema, r.health.status, 'Unknown'),
            message: r.health.message,
          }
        : undefined,
    })),
  };
}
