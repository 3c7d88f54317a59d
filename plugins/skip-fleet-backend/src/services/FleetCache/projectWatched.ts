import {
  ArgoApplication,
  ArgoManagedResource,
  CachedCondition,
  CachedDeployment,
  CachedMetadata,
  CachedNamespace,
  CachedNode,
  OnPremClusterObject,
  SkiperatorApplication,
  WatchedKind,
  WatchedKinds,
} from './kubeTypes';
import { StringPool } from './StringPool';

/** An object as the API server sent it: JSON, trusted only as far as its shape. */
type Raw = any;

/**
 * One pool for every cluster and kind: an app's name and namespace recur in its Skiperator
 * Application, its Deployment, its namespace and its Argo CD app. Sharing strings is not
 * state anyone reads, so replicas having different pools changes nothing they answer.
 */
const pool = new StringPool();

const str = (value: unknown): string | undefined =>
  typeof value === 'string' ? pool.intern(value) : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;

function stringMap(value: unknown): Record<string, string> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entries = Object.entries(value)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([k, v]) => [pool.intern(k), pool.intern(v)]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function metadataOf(raw: Raw): CachedMetadata {
  const m = raw?.metadata ?? {};
  return {
    name: str(m.name) ?? '',
    namespace: str(m.namespace),
    // Unique to each object: pooling it would only fill the pool and clear it sooner.
    resourceVersion:
      typeof m.resourceVersion === 'string' ? m.resourceVersion : undefined,
  };
}

function conditionsOf(value: unknown): CachedCondition[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.map(c => ({
    type: str(c?.type) ?? '',
    status: str(c?.status) ?? 'Unknown',
    reason: str(c?.reason),
    message: str(c?.message),
  }));
}

function projectNode(raw: Raw): CachedNode {
  return {
    metadata: { ...metadataOf(raw), labels: stringMap(raw?.metadata?.labels) },
    spec: { unschedulable: raw?.spec?.unschedulable === true || undefined },
    status: {
      conditions: conditionsOf(raw?.status?.conditions),
      nodeInfo: { kubeletVersion: str(raw?.status?.nodeInfo?.kubeletVersion) },
    },
  };
}

function projectNamespace(raw: Raw): CachedNamespace {
  return {
    metadata: {
      ...metadataOf(raw),
      labels: stringMap(raw?.metadata?.labels),
      creationTimestamp: str(raw?.metadata?.creationTimestamp),
    },
  };
}

function projectSkiperatorApp(raw: Raw): SkiperatorApplication {
  const spec = raw?.spec ?? {};
  const status = raw?.status ?? {};
  const team = str(raw?.metadata?.labels?.team);
  const replicas =
    typeof spec.replicas === 'object' && spec.replicas
      ? { min: num(spec.replicas.min), max: num(spec.replicas.max) }
      : num(spec.replicas);
  const subresources = Object.entries<Raw>(status.subresources ?? {}).map(
    ([key, sub]) => ({
      key: pool.intern(key),
      status: str(sub?.status),
      message: str(sub?.message),
    }),
  );
  return {
    metadata: {
      ...metadataOf(raw),
      labels: team === undefined ? undefined : { team },
    },
    spec: {
      image: str(spec.image),
      team: str(spec.team),
      ingresses: Array.isArray(spec.ingresses)
        ? spec.ingresses.filter((i: unknown) => typeof i === 'string')
        : undefined,
      replicas,
      accessPolicy: spec.accessPolicy ?? undefined,
    },
    status: {
      summary: status.summary
        ? {
            status: str(status.summary.status),
            message: str(status.summary.message),
            timestamp: str(status.summary.timestamp),
          }
        : undefined,
      subresources: subresources.length > 0 ? subresources : undefined,
      conditions: Array.isArray(status.conditions)
        ? status.conditions.map((c: Raw) => ({
            type: str(c?.type) ?? '',
            status:
              c?.status === 'True' || c?.status === 'False'
                ? c.status
                : 'Unknown',
            reason: str(c?.reason),
            message: str(c?.message),
            lastTransitionTime: str(c?.lastTransitionTime),
          }))
        : undefined,
      accessPolicies: str(status.accessPolicies),
    },
  };
}

function projectDeployment(raw: Raw): CachedDeployment {
  const status = raw?.status ?? {};
  return {
    metadata: metadataOf(raw),
    spec: { replicas: num(raw?.spec?.replicas) },
    status: {
      conditions: conditionsOf(status.conditions),
      availableReplicas: num(status.availableReplicas),
      updatedReplicas: num(status.updatedReplicas),
      readyReplicas: num(status.readyReplicas),
    },
  };
}

function projectArgoResource(raw: Raw): ArgoManagedResource {
  return {
    group: str(raw?.group),
    version: str(raw?.version),
    kind: str(raw?.kind) ?? '',
    namespace: str(raw?.namespace),
    name: str(raw?.name) ?? '',
    status: str(raw?.status),
    health: raw?.health
      ? { status: str(raw.health.status), message: str(raw.health.message) }
      : undefined,
  };
}

function projectArgoApp(raw: Raw): ArgoApplication {
  const spec = raw?.spec ?? {};
  const status = raw?.status ?? {};
  const operation = status.operationState;
  const firstSource = Array.isArray(spec.sources) ? spec.sources[0] : undefined;
  return {
    metadata: metadataOf(raw),
    spec: {
      project: str(spec.project),
      source: spec.source ? { repoURL: str(spec.source.repoURL) } : undefined,
      sources: firstSource
        ? [{ repoURL: str(firstSource.repoURL) }]
        : undefined,
      destination: spec.destination
        ? {
            name: str(spec.destination.name),
            server: str(spec.destination.server),
            namespace: str(spec.destination.namespace),
          }
        : undefined,
    },
    status: {
      sync: status.sync
        ? {
            status: str(status.sync.status),
            revision: str(status.sync.revision),
          }
        : undefined,
      health: status.health
        ? {
            status: str(status.health.status),
            message: str(status.health.message),
          }
        : undefined,
      operationState: operation
        ? {
            phase: str(operation.phase),
            message: str(operation.message),
            startedAt: str(operation.startedAt),
            finishedAt: str(operation.finishedAt),
          }
        : undefined,
      reconciledAt: str(status.reconciledAt),
      resources: Array.isArray(status.resources)
        ? status.resources.map(projectArgoResource)
        : undefined,
    },
  };
}

function projectOnPremCluster(raw: Raw): OnPremClusterObject {
  const status = raw?.status ?? {};
  return {
    metadata: metadataOf(raw),
    spec: { gkeOnPremVersion: str(raw?.spec?.gkeOnPremVersion) },
    status: {
      version: str(status.version),
      state: str(status.state),
      lastUpdateTime: str(status.lastUpdateTime),
    },
  };
}

/**
 * Turns an object as the API server sent it into the slim shape the cache keeps, per kind.
 * Everything else (managedFields, annotations, specs and statuses no reader uses) is left
 * behind, so the whole object can be collected once projected.
 */
export const projectWatched: {
  [K in WatchedKind]: (raw: unknown) => WatchedKinds[K];
} = {
  nodes: projectNode,
  namespaces: projectNamespace,
  skiperatorApps: projectSkiperatorApp,
  deployments: projectDeployment,
  argoApps: projectArgoApp,
  onpremUserClusters: projectOnPremCluster,
  onpremAdminClusters: projectOnPremCluster,
};
