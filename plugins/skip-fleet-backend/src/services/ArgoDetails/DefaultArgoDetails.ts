import type {
  ArgoActionDecision,
  ArgoAppDetails,
  ArgoAppRef,
} from '@internal/plugin-skip-common';
import {
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
} from '@internal/plugin-skip-common';
import type { Caller, ClusterCalls } from '@internal/plugin-skip-node';
import { ArgoAppAccess } from '../ArgoActions/ArgoAppAccess';
import {
  isAutoSynced,
  LiveArgoApplication,
  readArgoApplication,
} from '../ArgoActions/readArgoApplication';
import { autoSyncRefusal } from '../ArgoActions/syncOperations';
import { toArgoAppDetails } from './toArgoAppDetails';
import { ArgoDetails } from './types';

/**
 * Reads the Application live from its instance's cluster (the cache's copy is what the
 * overview shows; history and the last operation are read when someone opens them), and
 * says which actions the caller may take, with the same checks the actions make.
 */
export class DefaultArgoDetails implements ArgoDetails {
  private constructor(
    private readonly access: ArgoAppAccess,
    private readonly calls: ClusterCalls,
  ) {}

  static create(options: {
    access: ArgoAppAccess;
    calls: ClusterCalls;
  }): DefaultArgoDetails {
    return new DefaultArgoDetails(options.access, options.calls);
  }

  async get(
    ref: ArgoAppRef,
    caller: Caller,
    signal?: AbortSignal,
  ): Promise<ArgoAppDetails> {
    const target = this.access.target(ref);
    await this.access.requireToLookInto(caller.credentials, target);
    const [app, refresh, sync] = await Promise.all([
      readArgoApplication(this.calls, target.cluster, ref, signal),
      this.access.decide(
        skipArgoAppRefreshPermission,
        caller.credentials,
        target,
      ),
      this.access.decide(skipArgoAppSyncPermission, caller.credentials, target),
    ]);
    return toArgoAppDetails(app, {
      instance: ref.instance,
      indexed: target.app,
      // The cache's copy already has its link into the instance's UI (argoAppUiUrl).
      argoUrl: target.app.url,
      actions: { refresh, sync, rollback: rollbackDecision(app, ref, sync) },
    });
  }
}

/** A rollback is a sync (same permission), and only where auto-sync would not undo it. */
function rollbackDecision(
  app: LiveArgoApplication,
  ref: ArgoAppRef,
  sync: ArgoActionDecision,
): ArgoActionDecision {
  if (!sync.allowed) return sync;
  if (isAutoSynced(app)) {
    return { allowed: false, reason: autoSyncRefusal(app, ref) };
  }
  return { allowed: true };
}
