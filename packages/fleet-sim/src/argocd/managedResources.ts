import type { AppsRepo } from '../controllers/AppsRepos';
import { deepEqual } from '../store/deepEqual';
import type { ObjectStore } from '../store/ObjectStore';
import type { KubeObject } from '../store/types';

/** One entry of Argo CD's `ManagedResourcesResponse.items` (v1alpha1.ResourceDiff). */
export type ResourceDiff = {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  /** The desired object from git, as JSON ("null" when git no longer has it). */
  targetState: string;
  /** The object on the destination cluster, as JSON ("null" when it is missing). */
  liveState: string;
  normalizedLiveState: string;
  predictedLiveState: string;
  diff: string;
  hook: boolean;
  modified: boolean;
  resourceVersion?: string;
};

/** What the managed-resources route reads of the world. */
export type ManagedResourcesWorld = {
  repo(url: string): AppsRepo | undefined;
  destinationStore(cluster: string): ObjectStore | undefined;
};

type AppSpec = {
  source: { repoURL: string; path: string };
  destination: { name?: string; server?: string; namespace: string };
};

/**
 * Argo CD's managed resources of one Application: each manifest of its directory at the revision
 * it was last compared with (`status.sync.revision`), beside the live object of its destination.
 * "Modified" is decided as the simulated controller decides sync status (the specs differ).
 */
export function managedResources(
  app: KubeObject,
  world: ManagedResourcesWorld,
): ResourceDiff[] {
  const spec = app.spec as AppSpec;
  const revision = (app.status as { sync?: { revision?: string } } | undefined)
    ?.sync?.revision;
  const repo = world.repo(spec.source.repoURL);
  const dir = revision
    ? repo?.directoryAt(spec.source.path, revision)
    : repo?.directory(spec.source.path);
  const store = world.destinationStore(
    spec.destination.name ?? spec.destination.server ?? '',
  );
  return (dir?.manifests ?? []).map(manifest => {
    const target = structuredClone(manifest);
    target.metadata.namespace =
      target.metadata.namespace ?? spec.destination.namespace;
    // Argo CD stamps its tracking annotation on the target before comparing, so it is no difference.
    target.metadata.annotations = {
      ...target.metadata.annotations,
      'argocd.argoproj.io/tracking-id': `${app.metadata.name}:${groupOf(
        target.apiVersion,
      )}/${target.kind}:${target.metadata.namespace}/${target.metadata.name}`,
    };
    const found = store?.get(
      target.apiVersion,
      target.kind,
      target.metadata.namespace,
      target.metadata.name,
    );
    const live = found && withoutManagedFields(found);
    const liveState = JSON.stringify(live ?? null);
    return {
      group: groupOf(target.apiVersion),
      kind: target.kind,
      namespace: target.metadata.namespace,
      name: target.metadata.name,
      targetState: JSON.stringify(target),
      liveState,
      normalizedLiveState: liveState,
      predictedLiveState: JSON.stringify(predicted(target, live)),
      diff: '',
      hook: false,
      modified: !live || !deepEqual(live.spec, target.spec),
      ...(live?.metadata.resourceVersion
        ? { resourceVersion: live.metadata.resourceVersion }
        : {}),
    };
  });
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The live object as a sync would leave it: git's spec, labels and annotations over the server's fields. */
function predicted(
  target: KubeObject,
  live: KubeObject | undefined,
): KubeObject {
  if (!live) return target;
  return {
    ...live,
    metadata: {
      ...live.metadata,
      labels: target.metadata.labels,
      annotations: {
        ...live.metadata.annotations,
        ...target.metadata.annotations,
      },
    },
    spec: target.spec,
  };
}

function withoutManagedFields(obj: KubeObject): KubeObject {
  const { managedFields: _ignored, ...metadata } = obj.metadata;
  return { ...obj, metadata };
}
