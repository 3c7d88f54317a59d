import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, isError, NotFoundError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type {
  ArgoActionDecision,
  ArgoAppRef,
  ArgoAppStatus,
} from '@internal/plugin-skip-common';
import { skipNamespaceReadPermission } from '@internal/plugin-skip-common';
import { FleetCache } from '../FleetCache';
import { NamespaceAccess } from '../NamespaceAccess';
import type { LiveArgoApplication } from './readArgoApplication';

/** Where an Argo CD Application lives and what it deploys to. */
export type ArgoTarget = {
  /** The cluster the Argo CD instance (and so the Application object) runs on. */
  cluster: string;
  /** `<destination cluster>/<namespace>`, as audit events name it. */
  destination: string;
  /** The indexed app, as the fleet cache last saw it. */
  app: ArgoAppStatus;
  /** Every namespace the app deploys to or manages a resource in ('' for cluster-wide ones). */
  namespaces: string[];
  destinationCluster: string;
};

/**
 * Who may act on an Argo CD app. An action is checked against the app's destination
 * namespace and every namespace its resources live in (a sync with prune acts on all of
 * them), which is what the team's AppProject grants; cluster-wide resources are the
 * platform team's. Argo CD itself checks `applications, sync` on the app's project for both
 * sync and rollback, so rollback takes the sync permission here too.
 */
export class ArgoAppAccess {
  private constructor(
    private readonly cache: FleetCache,
    private readonly access: NamespaceAccess,
  ) {}

  static create(options: {
    cache: FleetCache;
    access: NamespaceAccess;
  }): ArgoAppAccess {
    return new ArgoAppAccess(options.cache, options.access);
  }

  /** The app's target; 404 for an unknown instance or app, 400 for the wrong namespace. */
  target(ref: ArgoAppRef): ArgoTarget {
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
    return {
      cluster: location.cluster,
      destination: `${destinationCluster}/${app.destination.namespace ?? ''}`,
      app,
      namespaces: [...namespaces],
      destinationCluster,
    };
  }

  /** Throws a 403 that says who may, unless the caller holds the permission on every namespace. */
  async require(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
    target: ArgoTarget,
  ): Promise<void> {
    for (const namespace of target.namespaces) {
      await this.access.require(
        permission,
        credentials,
        target.destinationCluster,
        namespace,
      );
    }
  }

  /**
   * The same check on what the live Application names now: the cache may lag the cluster by
   * a watch event, and a sync acts on the live app, not on the cache's copy.
   */
  async requireOnLive(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
    target: ArgoTarget,
    live: LiveArgoApplication,
  ): Promise<void> {
    const checked = new Set(target.namespaces);
    const namespaces = new Set([live.spec?.destination?.namespace ?? '']);
    for (const resource of live.status?.resources ?? []) {
      namespaces.add(resource.namespace ?? '');
    }
    for (const namespace of namespaces) {
      if (checked.has(namespace)) continue;
      await this.access.require(
        permission,
        credentials,
        target.destinationCluster,
        namespace,
      );
    }
  }

  /**
   * Throws a 403 unless the caller may look into the app's destination namespace: its
   * history, last operation and per-resource results are as private as the live objects.
   */
  async requireToLookInto(
    credentials: BackstageCredentials,
    target: ArgoTarget,
  ): Promise<void> {
    await this.access.require(
      skipNamespaceReadPermission,
      credentials,
      target.destinationCluster,
      target.app.destination.namespace ?? '',
    );
  }

  /** The same check as {@link require}, as an answer the UI shows (a disabled button with the reason). */
  async decide(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
    target: ArgoTarget,
  ): Promise<ArgoActionDecision> {
    try {
      await this.require(permission, credentials, target);
      return { allowed: true };
    } catch (error) {
      if (isError(error) && error.name === 'NotAllowedError') {
        return { allowed: false, reason: error.message };
      }
      throw error;
    }
  }
}
