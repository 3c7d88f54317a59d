import {
  ArgoAppDetails,
  argoHealthStatusSchema,
  ArgoLastOperation,
  argoOperationPhaseSchema,
  argoSyncStatusSchema,
  ArgoAppStatus,
} from '@internal/plugin-skip-common';
import type {
  ArgoInitiatedBy,
  LiveArgoApplication,
} from '../ArgoActions/readArgoApplication';
import { commitUrl, GitLinks, gitLinks } from './gitLinks';

/** The parts of the answer that are not read from the object. */
export type DetailsContext = {
  instance: string;
  /** The indexed app: its resolved destination cluster and resources. */
  indexed: ArgoAppStatus;
  argoUrl?: string;
  actions: ArgoAppDetails['actions'];
};

/** A live Argo CD Application as the details panel shows it. */
export function toArgoAppDetails(
  app: LiveArgoApplication,
  context: DetailsContext,
): ArgoAppDetails {
  const spec = app.spec ?? {};
  const status = app.status ?? {};
  const source = spec.source;
  const links = gitLinks(source?.repoURL);
  const automated = spec.syncPolicy?.automated;
  return {
    instance: context.instance,
    namespace: app.metadata?.namespace ?? '',
    name: app.metadata?.name ?? '',
    project: spec.project,
    argoUrl: context.argoUrl,
    source: source?.repoURL
      ? {
          repoURL: source.repoURL,
          path: source.path,
          targetRevision: source.targetRevision,
          repoWebUrl: links?.repo,
          pathWebUrl: links?.tree(source.targetRevision ?? 'HEAD', source.path),
        }
      : undefined,
    destination: context.indexed.destination,
    syncPolicy: {
      automated: !!automated,
      selfHeal: !!automated?.selfHeal,
      prune: !!automated?.prune,
      syncOptions: spec.syncPolicy?.syncOptions ?? [],
    },
    sync: {
      status: oneOf(argoSyncStatusSchema, status.sync?.status, 'Unknown'),
      revision: status.sync?.revision,
      revisionUrl: commitUrl(links, status.sync?.revision),
    },
    health: {
      status: oneOf(argoHealthStatusSchema, status.health?.status, 'Unknown'),
      message: status.health?.message,
    },
    operation: lastOperation(status.operationState, links),
    history: (status.history ?? [])
      .filter(h => typeof h.id === 'number' && h.revision)
      .map(h => ({
        id: h.id!,
        revision: h.revision!,
        revisionUrl: commitUrl(links, h.revision),
        deployedAt: h.deployedAt,
        deployStartedAt: h.deployStartedAt,
        initiatedBy: initiator(h.initiatedBy),
      }))
      .reverse(),
    resources: context.indexed.resources,
    actions: context.actions,
  };
}

function lastOperation(
  state: NonNullable<LiveArgoApplication['status']>['operationState'],
  links: GitLinks | undefined,
): ArgoLastOperation | undefined {
  if (!state?.phase) return undefined;
  const sync = state.operation?.sync;
  const revision = state.syncResult?.revision ?? sync?.revision;
  return {
    phase: oneOf(argoOperationPhaseSchema, state.phase, 'Error'),
    message: state.message,
    startedAt: state.startedAt,
    finishedAt: state.finishedAt,
    initiatedBy: initiator(state.operation?.initiatedBy),
    revision,
    revisionUrl: commitUrl(links, revision),
    dryRun: !!sync?.dryRun,
    prune: !!sync?.prune,
    selectedResources: (sync?.resources ?? []).map(r => ({
      group: r.group || undefined,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
    })),
    results: (state.syncResult?.resources ?? []).map(r => ({
      group: r.group || undefined,
      kind: r.kind,
      namespace: r.namespace,
      name: r.name,
      status: r.status,
      message: r.message,
      hookPhase: r.hookPhase,
      syncPhase: r.syncPhase,
    })),
  };
}

function initiator(by: ArgoInitiatedBy | undefined) {
  if (!by || (by.username === undefined && by.automated === undefined)) {
    return undefined;
  }
  return {
    ...(by.username ? { username: by.username } : {}),
    ...(by.automated ? { automated: true } : {}),
  };
}

function oneOf<T extends string>(
  schema: { safeParse(v: unknown): { success: boolean; data?: T } },
  value: unknown,
  fallback: T,
): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? (parsed.data as T) : fallback;
}
