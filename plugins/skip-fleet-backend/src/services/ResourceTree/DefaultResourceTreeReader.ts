import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { KubernetesObject } from '@kubernetes/client-node';
import type {
  ArgoAppStatus,
  ResourceTree,
  SkiperatorAppRef,
} from '@internal/plugin-skip-common';
import type { ClusterCalls } from '@internal/plugin-skip-node';
import type { FleetCache } from '../FleetCache';
import type { NamespaceAccess } from '../NamespaceAccess';
import { ArgoResourceEntry, buildTree } from './buildTree';
import { readAppObjects } from './readAppObjects';
import type { ResourceTreeReader } from './types';

/**
 * The tree of one app: its objects read live from its cluster, joined with the sync status
 * Argo CD gives each (read live from the Argo CD app, the cache's copy when that fails).
 */
export class DefaultResourceTreeReader implements ResourceTreeReader {
  private constructor(
    private readonly cache: FleetCache,
    private readonly access: NamespaceAccess,
    private readonly calls: ClusterCalls,
  ) {}

  static create(options: {
    cache: FleetCache;
    access: NamespaceAccess;
    calls: ClusterCalls;
  }): DefaultResourceTreeReader {
    return new DefaultResourceTreeReader(
      options.cache,
      options.access,
      options.calls,
    );
  }

  async appTree(
    ref: SkiperatorAppRef,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<ResourceTree> {
    const { cluster, namespace, name } = ref;
    await this.access.requireToLookInto(credentials, cluster, namespace);
    const argo = this.cache.summary(ref)?.argo;
    const [objects, argoResources] = await Promise.all([
      this.calls.call(
        cluster,
        `Application ${namespace}/${name}`,
        clients => readAppObjects(clients, namespace, name),
        { signal },
      ),
      argo ? this.argoResources(argo, signal) : undefined,
    ]);
    return {
      cluster,
      namespace,
      name,
      argo: argo && {
        instance: argo.instance,
        namespace: argo.namespace,
        name: argo.name,
      },
      ...buildTree({ app: objects.app, owned: objects.owned, argoResources }),
      unreadable: objects.unreadable,
      generatedAt: new Date().toISOString(),
    };
  }

  /**
   * The Argo CD app's `status.resources` as it is now, with `requiresPruning` (the cache
   * keeps neither); when its instance's cluster does not answer, the cache's copy will do.
   */
  private async argoResources(
    argo: ArgoAppStatus,
    signal?: AbortSignal,
  ): Promise<ArgoResourceEntry[]> {
    const location = this.cache.argoInstanceCluster(argo.instance);
    if (!location) return argo.resources;
    try {
      const live = await this.calls.call(
        location.cluster,
        `Argo CD app ${argo.namespace}/${argo.name}`,
        clients =>
          clients.objects.read<KubernetesObject>({
            apiVersion: 'argoproj.io/v1alpha1',
            kind: 'Application',
            metadata: { name: argo.name, namespace: argo.namespace },
          }),
        { signal },
      );
      return (
        (live as { status?: { resources?: ArgoResourceEntry[] } }).status
          ?.resources ?? []
      );
    } catch {
      return argo.resources;
    }
  }
}
