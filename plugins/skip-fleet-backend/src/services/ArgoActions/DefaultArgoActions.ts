import type { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import { KubernetesObject, PatchStrategy } from '@kubernetes/client-node';
import {
  ArgoAppRef,
  ArgoRefreshRequest,
  ArgoSyncRequest,
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
} from '@internal/plugin-skip-common';
import {
  auditClusterChange,
  Caller,
  ClusterCalls,
} from '@internal/plugin-skip-node';
import { FleetCache } from '../FleetCache';
import { NamespaceAccess } from '../NamespaceAccess';
import { ArgoActions } from './types';

const API_VERSION = 'argoproj.io/v1alpha1';
const FIELD_MANAGER = 'skip-portal';

type ArgoApplication = KubernetesObject & {
  operation?: unknown;
  status?: { operationState?: { phase?: string } };
};

/** Where an Application object lives, and the destination its audit event names. */
type ArgoTarget = { cluster: string; destination: string };

/** Refreshes and syncs Argo CD Applications by patching them on the Argo CD instance's cluster. */
export class DefaultArgoActions implements ArgoActions {
  private constructor(
    private readonly cache: FleetCache,
    private readonly access: NamespaceAccess,
    private readonly calls: ClusterCalls,
    private readonly auditor: AuditorService,
  ) {}

  static create(options: {
    cache: FleetCache;
    access: NamespaceAccess;
    calls: ClusterCalls;
    auditor: AuditorService;
  }): DefaultArgoActions {
    return new DefaultArgoActions(
      options.cache,
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
    const target = await this.authorize(
      ref,
      skipArgoAppRefreshPermission,
      caller,
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
    const target = await this.authorize(ref, skipArgoAppSyncPermission, caller);
    const current = await this.calls.call(
      target.cluster,
      appName(ref),
      ({ objects }) =>
        objects.read<ArgoApplication>({
          apiVersion: API_VERSION,
          kind: 'Application',
          metadata: { name: ref.name, namespace: ref.namespace },
        }),
    );
    if (
      current.operation ||
      current.status?.operationState?.phase === 'Running'
    ) {
      throw new ConflictError(
        `Argo CD app '${ref.name}' already has an operation in progress`,
      );
    }
    const { userEntityRef } = caller.credentials.principal as {
      userEntityRef?: string;
    };
    const prune = request.prune ? ' with prune' : '';
    const revision = request.revision ? ` to ${request.revision}` : '';
    // The resourceVersion makes two syncs at once a 409 instead of one overwriting the other.
    await this.patch(target, ref, caller, `sync${prune}${revision}`, {
      metadata: { resourceVersion: current.metadata?.resourceVersion },
      operation: {
        initiatedBy: { username: userEntityRef ?? 'skip-portal' },
        sync: {
          ...(request.revision ? { revision: request.revision } : {}),
          prune: request.prune,
          syncStrategy: { hook: {} },
        },
      },
    });
  }

  /**
   * Checks an action against the app's destination namespace and every namespace its
   * resources live in (a sync with prune acts on all of them), which is what the team's
   * AppProject grants; cluster-wide resources are the platform team's.
   */
  private async authorize(
    ref: ArgoAppRef,
    permission: ResourcePermission,
    caller: Caller,
  ): Promise<ArgoTarget> {
    const location = this.cache.argoInstanceCluster(ref.instance);
    if (!location) {
      throw new NotFoundError(`No Argo CD instance '${ref.instance}'`);
    }
    if (location.namespace !== ref.namespace) {
      throw new InputError(
        `namespace: Argo CD instance '${ref.instance}' keeps its apps in '${location.namespace}'`,
      );
    }
    const app = this.cache.argoApp(ref.instance, ref.namespace, ref.name);
    if (!app) {
      throw new NotFoundError(
        `No Argo CD app '${ref.name}' in instance '${ref.instance}'`,
      );
    }
    const destinationCluster =
      app.destination.cluster || `(unknown cluster of ${ref.instance})`;
    const namespaces = new Set([app.destination.namespace ?? '']);
    for (const resource of app.resources) {
      namespaces.add(resource.namespace ?? '');
    }
    for (const namespace of namespaces) {
      await this.access.require(
        permission,
        caller.credentials,
        destinationCluster,
        namespace,
      );
    }
    return {
      cluster: location.cluster,
      destination: `${destinationCluster}/${app.destination.namespace ?? ''}`,
    };
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
          apiVersion: API_VERSION,
          kind: 'Application',
          name: ref.name,
        },
        meta: { instance: ref.instance, destination },
      },
      () =>
        this.calls.call(cluster, appName(ref), ({ objects }) =>
          objects.patch(
            {
              apiVersion: API_VERSION,
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

function appName(ref: ArgoAppRef): string {
  return `Argo CD app ${ref.instance}/${ref.name}`;
}
