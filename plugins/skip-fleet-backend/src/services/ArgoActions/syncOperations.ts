import { ConflictError, InputError } from '@backstage/errors';
import type {
  ArgoAppRef,
  ArgoRollbackRequest,
  ArgoSyncRequest,
} from '@internal/plugin-skip-common';
import type {
  ArgoOperation,
  ArgoResourceKey,
  LiveArgoApplication,
} from './readArgoApplication';
import { isAutoSynced } from './readArgoApplication';

/** An operation to start, and how the audit log names it. */
export type PlannedOperation = { operation: ArgoOperation; action: string };

/** Refuses a second operation while one runs (Argo CD would reject or queue it). */
export function assertNoOperation(app: LiveArgoApplication, ref: ArgoAppRef) {
  if (app.operation || app.status?.operationState?.phase === 'Running') {
    throw new ConflictError(
      `Argo CD app '${ref.name}' already has an operation in progress`,
    );
  }
}

/**
 * The `operation` of a sync with the person's options. Selected resources must be ones the
 * app manages: Argo CD would ignore the others silently, and the person would think they synced.
 */
export function planSync(
  app: LiveArgoApplication,
  ref: ArgoAppRef,
  request: ArgoSyncRequest,
  username: string,
): PlannedOperation {
  const target = app.spec?.source?.targetRevision ?? 'HEAD';
  if (request.revision && request.revision !== target && isAutoSynced(app)) {
    // A sync to another revision is a rollback in all but name; auto-sync would undo it.
    throw new ConflictError(autoSyncRefusal(app, ref));
  }
  const destinationNamespace = app.spec?.destination?.namespace;
  const managed = app.status?.resources ?? [];
  const resources = request.resources?.map((wanted, index) => {
    const found = managed.find(r =>
      sameResource(r, wanted, destinationNamespace),
    );
    if (!found) {
      throw new InputError(
        `Invalid body: resources.${index}: ${wanted.kind} '${wanted.name}' is not a resource of Argo CD app '${ref.name}'`,
      );
    }
    return {
      group: found.group ?? '',
      kind: found.kind,
      name: found.name,
      ...(found.namespace ? { namespace: found.namespace } : {}),
    };
  });
  const syncOptions = request.syncOptions?.length
    ? [
        ...new Set([
          ...(app.spec?.syncPolicy?.syncOptions ?? []),
          ...request.syncOptions,
        ]),
      ]
    : undefined;
  const words = [
    request.dryRun ? 'dry run' : undefined,
    request.prune ? 'prune' : undefined,
    resources ? `${resources.length} selected resource(s)` : undefined,
    syncOptions ? `options ${request.syncOptions!.join(',')}` : undefined,
  ].filter(Boolean);
  const to = request.revision ? ` to ${request.revision}` : '';
  return {
    action: `sync${words.length ? ` with ${words.join(', ')}` : ''}${to}`,
    operation: {
      initiatedBy: { username },
      sync: {
        ...(request.revision ? { revision: request.revision } : {}),
        prune: request.prune,
        ...(request.dryRun ? { dryRun: true } : {}),
        ...(resources ? { resources } : {}),
        ...(syncOptions ? { syncOptions } : {}),
        syncStrategy: { hook: {} },
      },
    },
  };
}

/**
 * The `operation` of a rollback, as Argo CD's own rollback builds it: a sync to the revision
 * of a history entry with the app's sync options. Refused while auto-sync is on, because
 * Argo CD would sync straight back to git (and refuses it itself).
 */
export function planRollback(
  app: LiveArgoApplication,
  ref: ArgoAppRef,
  request: ArgoRollbackRequest,
  username: string,
): PlannedOperation {
  if (isAutoSynced(app)) {
    throw new ConflictError(autoSyncRefusal(app, ref));
  }
  const entry = app.status?.history?.find(h => h.id === request.id);
  if (!entry?.revision) {
    throw new InputError(
      entry?.revisions
        ? `Invalid body: id: deployment ${request.id} of Argo CD app '${ref.name}' has several sources; roll it back in Argo CD`
        : `Invalid body: id: Argo CD app '${ref.name}' has no deployment with id ${request.id}`,
    );
  }
  const syncOptions = app.spec?.syncPolicy?.syncOptions;
  return {
    action: `rollback to deployment ${request.id} (${entry.revision.slice(
      0,
      7,
    )})${request.dryRun ? ' as a dry run' : ''}`,
    operation: {
      initiatedBy: { username },
      sync: {
        revision: entry.revision,
        // The source as deployed then: the app's path or repo may have changed since.
        ...(entry.source ? { source: entry.source } : {}),
        prune: request.prune,
        ...(request.dryRun ? { dryRun: true } : {}),
        ...(syncOptions?.length ? { syncOptions } : {}),
        // As Argo CD's own rollback: apply the manifests, without running sync hooks again.
        syncStrategy: { apply: {} },
      },
    },
  };
}

/** Why a rollback is refused while auto-sync is on, in words a person reads. */
export function autoSyncRefusal(
  app: LiveArgoApplication,
  ref: ArgoAppRef,
): string {
  const target = app.spec?.source?.targetRevision ?? 'HEAD';
  return `Argo CD app '${ref.name}' syncs automatically: a rollback would be synced straight back to ${target}. Turn auto-sync off (autoSync: false in the namespace directory's config.json) to roll back`;
}

function sameResource(
  managed: ArgoResourceKey,
  wanted: ArgoResourceKey,
  destinationNamespace: string | undefined,
): boolean {
  return (
    managed.kind === wanted.kind &&
    managed.name === wanted.name &&
    (wanted.group === undefined || (managed.group ?? '') === wanted.group) &&
    (managed.namespace ?? destinationNamespace ?? '') ===
      (wanted.namespace ?? managed.namespace ?? destinationNamespace ?? '')
  );
}
