import type { AuditorService } from '@backstage/backend-plugin-api';
import { PatchStrategy } from '@kubernetes/client-node';
import {
  ArgoAppRef,
  ArgoRefreshRequest,
  ArgoRollbackRequest,
  ArgoSyncRequest,
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
} from '@internal/plugin-skip-common';
import {
  auditClusterChange,
  Caller,
  ClusterCalls,
} from '@internal/plugin-skip-node';
import { ArgoAppAccess, ArgoTarget } from './ArgoAppAccess';
import {
  ARGO_API_VERSION,
  argoAppName,
  readArgoApplication,
} from './readArgoApplication';
import {
  assertNoOperation,
  PlannedOperation,
  planRollback,
  planSync,
} from './syncOperations';
import { ArgoActions } from './types';

const FIELD_MANAGER = 'skip-portal';

/** Refreshes, syncs and rolls back Argo CD Applications by patching them on the Argo CD instance's cluster. */
export class DefaultArgoActions implements ArgoActions {
  private constructor(
    private readonly access: ArgoAppAccess,
    private readonly calls: ClusterCalls,
    private readonly auditor: AuditorService,
  ) {}

  static create(options: {
    access: ArgoAppAccess;
    calls: ClusterCalls;
    auditor: AuditorService;
  }): DefaultArgoActions {
    return new DefaultArgoActions(
      options.access,
      options.calls,
      options.auditor,
    );
  }

  async refresh(
    ref: ArgoAppRef,
    request: ArgoRefreshRequest,
    caller: Caller,
  ): Promise<void> {
    const target = this.access.target(ref);
    await this.access.require(
      skipArgoAppRefreshPermission,
      caller.credentials,
      target,
    );
    await this.patch(target, ref, caller, `refresh (${request.type})`, {
      metadata: { annotations: { 'argocd.argoproj.io/refresh': request.type } },
    });
  }

  async sync(
    ref: ArgoAppRef,
    request: ArgoSyncRequest,
    caller: Caller,
  ): Promise<void> {
    await this.startOperation(ref, caller, (app, username) =>
      planSync(app, ref, request, username),
    );
  }

  async rollback(
    ref: ArgoAppRef,
    request: ArgoRollbackRequest,
    caller: Caller,
  ): Promise<void> {
    await this.startOperation(ref, caller, (app, username) =>
      planRollback(app, ref, request, username),
    );
  }

  /**
   * Checks the sync permission (Argo CD checks `sync` for rollbacks too), reads the app,
   * plans the operation from what it reads, and writes it as one audited change.
   */
  private async startOperation(
    ref: ArgoAppRef,
    caller: Caller,
    plan: (
      app: Awaited<ReturnType<typeof readArgoApplication>>,
      username: string,
    ) => PlannedOperation,
  ): Promise<void> {
    const target = this.access.target(ref);
    await this.access.require(
      skipArgoAppSyncPermission,
      caller.credentials,
      target,
    );
    const current = await readArgoApplication(this.calls, target.cluster, ref);
    await this.access.requireOnLive(
      skipArgoAppSyncPermission,
      caller.credentials,
      target,
      current,
    );
    const { userEntityRef } = caller.credentials.principal as {
      userEntityRef?: string;
    };
    const { operation, action } = plan(current, userEntityRef ?? 'skip-portal');
    assertNoOperation(current, ref);
    // The resourceVersion makes two operations at once a 409 instead of one overwriting the other.
    await this.patch(target, ref, caller, action, {
      metadata: { resourceVersion: current.metadata?.resourceVersion },
      operation,
    });
  }

  /** Merge-patches the Application as one audited change. */
  private async patch(
    target: ArgoTarget,
    ref: ArgoAppRef,
    caller: Caller,
    action: string,
    patch: { metadata: Record<string, unknown> } & Record<string, unknown>,
  ): Promise<void> {
    const { cluster, destination } = target;
    await auditClusterChange(
      {
        auditor: this.auditor,
        eventId: 'argocd-app-change',
        request: caller.request,
        action,
        target: {
          cluster,
          namespace: ref.namespace,
          apiVersion: ARGO_API_VERSION,
          kind: 'Application',
          name: ref.name,
        },
        meta: { instance: ref.instance, destination },
      },
      () =>
        this.calls.call(cluster, argoAppName(ref), ({ objects }) =>
          objects.patch(
            {
              apiVersion: ARGO_API_VERSION,
              kind: 'Application',
              ...patch,
              metadata: {
                ...patch.metadata,
                name: ref.name,
                namespace: ref.namespace,
              },
            },
            undefined,
            undefined,
            FIELD_MANAGER,
            undefined,
            PatchStrategy.MergePatch,
          ),
        ),
    );
  }
}
