import type { SkiperatorAppSummary } from '@internal/plugin-skip-common';
import type { SkipConfig } from '@internal/plugin-skip-node';
import { ArgoIndex } from './ArgoIndex';
import { ClusterWatches } from './ClusterWatches';
import { IndexMap } from './IndexMap';
import { SkiperatorApplication, WatchedKinds } from './kubeTypes';
import { AppRef, keyOf } from './refs';
import { summarizeApp } from './summarizeApp';
import { toArgoAppStatus } from './toArgoAppStatus';

/**
 * Skiperator apps by name across clusters, and each app's summary, rebuilt only when the
 * resourceVersion of one of the objects it is made of changed.
 */
export class AppIndex {
  private readonly byName = new IndexMap<AppRef>();
  private readonly summaryMemo = new Map<
    string,
    { version: string; summary: SkiperatorAppSummary }
  >();

  constructor(
    private readonly config: SkipConfig,
    private readonly watches: ClusterWatches,
    private readonly argo: ArgoIndex,
  ) {}

  /** Follows one watch event of a Skiperator Application. */
  update(
    cluster: string,
    type: 'add' | 'update' | 'delete',
    app: SkiperatorApplication,
  ): AppRef {
    const namespace = app.metadata?.namespace ?? '';
    const name = app.metadata?.name ?? '';
    const key = keyOf(cluster, namespace, name);
    if (type === 'delete') {
      this.byName.remove(name, key);
      this.summaryMemo.delete(key);
    } else {
      this.byName.add(name, key, { cluster, namespace, name });
    }
    return { cluster, namespace, name };
  }

  /** Skiperator apps with the given name, on every cluster (optionally in one namespace). */
  find(name: string, namespace?: string): AppRef[] {
    const refs = this.byName.values(name);
    return namespace ? refs.filter(r => r.namespace === namespace) : refs;
  }

  /** Skiperator apps in namespaces that satisfy a predicate. */
  inNamespaces(
    matches: (cluster: string, namespace: string) => boolean,
  ): AppRef[] {
    const refs: AppRef[] = [];
    for (const [cluster, watch] of this.watches.entries()) {
      for (const app of watch.list('skiperatorApps')) {
        const namespace = app.metadata?.namespace ?? '';
        if (matches(cluster, namespace)) {
          refs.push({ cluster, namespace, name: app.metadata?.name ?? '' });
        }
      }
    }
    return refs;
  }

  /** Skiperator apps of one namespace of one cluster. */
  inNamespace(cluster: string, namespace: string): AppRef[] {
    const apps = this.watches.get(cluster)?.list('skiperatorApps', namespace);
    return (apps ?? []).map(app => ({
      cluster,
      namespace,
      name: app.metadata?.name ?? '',
    }));
  }

  /** Namespaces of every cluster, with how many Skiperator apps each holds. */
  namespaces(): {
    cluster: string;
    namespace: WatchedKinds['namespaces'];
    apps: number;
  }[] {
    const result = [];
    for (const [cluster, watch] of this.watches.entries()) {
      const counts = new Map<string, number>();
      for (const app of watch.list('skiperatorApps')) {
        const ns = app.metadata?.namespace ?? '';
        counts.set(ns, (counts.get(ns) ?? 0) + 1);
      }
      for (const namespace of watch.list('namespaces')) {
        result.push({
          cluster,
          namespace,
          apps: counts.get(namespace.metadata?.name ?? '') ?? 0,
        });
      }
    }
    return result;
  }

  /** The summary of one app, rebuilt only when one of its objects changed. */
  summary(ref: AppRef): SkiperatorAppSummary | undefined {
    const watch = this.watches.get(ref.cluster);
    const app = watch?.get('skiperatorApps', ref.namespace, ref.name);
    if (!watch || !app) return undefined;
    const deployment = watch.get('deployments', ref.namespace, ref.name);
    const argoRef = this.argo.forApp(ref);
    const argoObject = argoRef ? this.argo.object(argoRef) : undefined;
    const version = [
      app.metadata?.resourceVersion,
      deployment?.metadata?.resourceVersion,
      argoObject?.metadata?.resourceVersion,
      argoRef?.instance,
    ].join('|');
    const key = keyOf(ref.cluster, ref.namespace, ref.name);
    const memo = this.summaryMemo.get(key);
    if (memo?.version === version) return memo.summary;
    const environment = this.config.cluster(ref.cluster)!.metadata.environment;
    const summary = summarizeApp({
      cluster: ref.cluster,
      environment,
      app,
      deployment,
      argo:
        argoRef && argoObject
          ? toArgoAppStatus(
              argoRef.instance,
              argoObject,
              argoRef.cluster,
              this.argo.instanceUiUrl(argoRef.instance),
            )
          : undefined,
    });
    this.summaryMemo.set(key, { version, summary });
    return summary;
  }
}
