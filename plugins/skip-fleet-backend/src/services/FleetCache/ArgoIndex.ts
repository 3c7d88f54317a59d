import type { ArgoAppStatus } from '@internal/plugin-skip-common';
import type { SkipConfig } from '@internal/plugin-skip-node';
import { ClusterWatches } from './ClusterWatches';
import { IndexMap } from './IndexMap';
import { ArgoApplication } from './kubeTypes';
import { AppRef, ArgoRef, keyOf } from './refs';
import { toArgoAppStatus } from './toArgoAppStatus';

type NamespaceRef = { cluster: string; namespace: string };

/** What one Argo CD app is indexed under: the Skiperator apps it lists and its destination. */
type Placement = { apps: AppRef[]; namespaces: NamespaceRef[] };

/** Skiperator apps whose Argo CD app may have changed, found by name or by namespace. */
export type ArgoChangeReach = Placement;

/**
 * Argo CD apps by name, by the Skiperator app they list in `status.resources` and by the
 * namespace they deploy to, plus where each configured instance runs, so an app's Argo
 * CD app is found without scanning every instance.
 */
export class ArgoIndex {
  private readonly byName = new IndexMap<ArgoRef>();
  private readonly bySkiperatorApp = new IndexMap<ArgoRef>();
  private readonly byNamespace = new IndexMap<ArgoRef>();
  private readonly placements = new Map<string, Placement>();
  private readonly clustersByArgoName = new Map<string, string>();
  private readonly clustersByUrl = new Map<string, string>();
  /** Argo CD instance names by `<cluster>/<namespace>`, where their Applications live. */
  private readonly instanceByPlace = new Map<string, string>();

  constructor(
    private readonly config: SkipConfig,
    private readonly watches: ClusterWatches,
  ) {
    for (const { metadata, connection } of config.clusters) {
      this.clustersByArgoName.set(
        metadata.argocdName ?? metadata.name,
        metadata.name,
      );
      this.clustersByUrl.set(connection.url.replace(/\/+$/, ''), metadata.name);
    }
    for (const instance of config.argoInstances) {
      this.instanceByPlace.set(
        keyOf(instance.cluster, instance.namespace),
        instance.name,
      );
    }
  }

  /**
   * Re-indexes one Argo CD Application after a watch event in the cluster its instance
   * runs in; answers where it was and is placed, whose summaries it may change.
   */
  update(
    instanceCluster: string,
    type: 'add' | 'update' | 'delete',
    app: ArgoApplication,
  ): ArgoChangeReach {
    const namespace = app.metadata?.namespace ?? '';
    const name = app.metadata?.name ?? '';
    const instance = this.instanceByPlace.get(
      keyOf(instanceCluster, namespace),
    );
    // Applications outside an instance's namespace belong to no configured Argo CD.
    if (!instance) return { apps: [], namespaces: [] };
    const argoKey = keyOf(instance, namespace, name);
    const before = this.placements.get(argoKey) ?? { apps: [], namespaces: [] };
    for (const ref of before.apps) {
      this.bySkiperatorApp.remove(
        keyOf(ref.cluster, ref.namespace, ref.name),
        argoKey,
      );
    }
    for (const ref of before.namespaces) {
      this.byNamespace.remove(keyOf(ref.cluster, ref.namespace), argoKey);
    }
    this.placements.delete(argoKey);
    if (type === 'delete') {
      this.byName.remove(name, argoKey);
      return before;
    }
    const cluster = this.resolveDestination(instanceCluster, app);
    const ref: ArgoRef = { instance, cluster: cluster ?? '', namespace, name };
    this.byName.add(name, argoKey, ref);
    if (!cluster) return before;
    const after = this.place(cluster, app);
    for (const appRef of after.apps) {
      this.bySkiperatorApp.add(
        keyOf(appRef.cluster, appRef.namespace, appRef.name),
        argoKey,
        ref,
      );
    }
    for (const nsRef of after.namespaces) {
      this.byNamespace.add(keyOf(nsRef.cluster, nsRef.namespace), argoKey, ref);
    }
    this.placements.set(argoKey, after);
    return {
      apps: [...before.apps, ...after.apps],
      namespaces: [...before.namespaces, ...after.namespaces],
    };
  }

  /** The Argo CD app that deploys a Skiperator app, if the index can tell. */
  forApp(ref: AppRef): ArgoRef | undefined {
    const direct = this.bySkiperatorApp.first(
      keyOf(ref.cluster, ref.namespace, ref.name),
    );
    if (direct) return direct;
    const nsKey = keyOf(ref.cluster, ref.namespace);
    // One Argo CD app per namespace directory is the platform's layout; with several we cannot tell.
    return this.byNamespace.size(nsKey) === 1
      ? this.byNamespace.first(nsKey)
      : undefined;
  }

  /** The watched object of an indexed Argo CD app. */
  object(ref: ArgoRef): ArgoApplication | undefined {
    const location = this.instanceLocation(ref.instance);
    if (!location) return undefined;
    return this.watches
      .get(location.cluster)
      ?.get('argoApps', ref.namespace, ref.name);
  }

  /** Argo CD apps with the given name on any instance (optionally one instance). */
  find(name: string, instance?: string): ArgoAppStatus[] {
    return this.byName
      .values(name)
      .filter(r => !instance || r.instance === instance)
      .flatMap(r => {
        const object = this.object(r);
        return object
          ? [
              toArgoAppStatus(
                r.instance,
                object,
                r.cluster,
                this.instanceUiUrl(r.instance),
              ),
            ]
          : [];
      });
  }

  /** The web UI of an Argo CD instance, when configured (`skip.argocd.instances[].url`). */
  instanceUiUrl(instance: string): string | undefined {
    return this.config.argoInstances.find(i => i.name === instance)?.url;
  }

  /** The cluster and namespace an Argo CD instance runs in. */
  instanceLocation(
    instance: string,
  ): { cluster: string; namespace: string } | undefined {
    const found = this.config.argoInstances.find(i => i.name === instance);
    return found
      ? { cluster: found.cluster, namespace: found.namespace }
      : undefined;
  }

  private place(cluster: string, app: ArgoApplication): Placement {
    const placement: Placement = { apps: [], namespaces: [] };
    const destinationNamespace = app.spec?.destination?.namespace;
    if (destinationNamespace) {
      placement.namespaces.push({ cluster, namespace: destinationNamespace });
    }
    for (const resource of app.status?.resources ?? []) {
      if (
        resource.group === 'skiperator.kartverket.no' &&
        resource.kind === 'Application'
      ) {
        placement.apps.push({
          cluster,
          namespace: resource.namespace ?? destinationNamespace ?? '',
          name: resource.name,
        });
      }
    }
    return placement;
  }

  private resolveDestination(
    instanceCluster: string,
    app: ArgoApplication,
  ): string | undefined {
    const destination = app.spec?.destination ?? {};
    if (destination.name) {
      return destination.name === 'in-cluster'
        ? instanceCluster
        : this.clustersByArgoName.get(destination.name);
    }
    if (destination.server) {
      const server = destination.server.replace(/\/+$/, '');
      return server === 'https://kubernetes.default.svc'
        ? instanceCluster
        : this.clustersByUrl.get(server);
    }
    return undefined;
  }
}
