import type {
  AuditorService,
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InputError,
  NotFoundError,
  ConflictError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  CoreV1Api,
  KubernetesObject,
  KubernetesObjectApi,
  PatchStrategy,
  V1Pod,
} from '@kubernetes/client-node';
import {
  ANNOTATION_ARGOCD_APPS,
  ANNOTATION_SKIPERATOR_APPS,
  AppsResponse,
  ArgoAppStatus,
  ArgoRefreshRequest,
  ArgoSyncRequest,
  ClusterFreshness,
  Condition,
  KubeEvent,
  ListClustersResponse,
  NamespacesResponse,
  parseScopedNames,
  PodLogQuery,
  PodSummary,
  ResourceDetails,
  ResourceRef,
  SkiperatorAppSummary,
  skipArgoAppRefreshPermission,
  skipArgoAppSyncPermission,
  skipNamespaceReadPermission,
  describeClusterErrorCategory,
} from '@internal/plugin-skip-common';
import {
  auditClusterChange,
  classifyClusterError,
  KubernetesClientProvider,
} from '@internal/plugin-skip-node';
import { NamespaceAccess } from '../NamespaceAccess';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openPodLogStream } from './openPodLogStream';
import { FleetCache } from '../FleetCache';
import { EntityLookup } from './EntityLookup';
import { KIND_API_VERSIONS } from '../kindApiVersions';
import { withTimeout } from '../withTimeout';
import { ArgoAppRef, Caller, FleetService } from './types';

const ON_DEMAND_TIMEOUT_MS = 8_000;
const KUBERNETES_ID_ANNOTATION = 'backstage.io/kubernetes-id';
const FIELD_MANAGER = 'skip-portal';

type AppRef = { cluster: string; namespace: string; name: string };

/** Bounds a call to one cluster, so a slow cluster answers a drill-down with a 503 naming it. */
function onCluster<T>(cluster: string, promise: Promise<T>): Promise<T> {
  return withTimeout(
    promise,
    ON_DEMAND_TIMEOUT_MS,
    () =>
      new ServiceUnavailableError(
        `Cluster '${cluster}' did not answer within ${ON_DEMAND_TIMEOUT_MS} ms`,
      ),
  );
}

/**
 * Turns a client-node failure for one cluster into the Backstage error a caller should
 * see: a category and the cluster's name; the detail (addresses, accounts) only to the log.
 */
function clusterError(
  cluster: string,
  what: string,
  error: unknown,
  logger: LoggerService,
): Error {
  const e = error as { name?: string };
  if (e?.name === 'ServiceUnavailableError') return error as Error;
  const { category, status, detail } = classifyClusterError(error);
  if (status === 404)
    return new NotFoundError(`${what} not found on cluster '${cluster}'`);
  if (status === 409)
    return new ConflictError(
      `${what} on cluster '${cluster}' changed meanwhile; try again`,
    );
  logger.warn(`Cluster ${cluster} failed for ${what}: ${detail}`);
  return new ServiceUnavailableError(
    `Cluster '${cluster}' ${describeClusterErrorCategory(category)}${
      status ? ` (HTTP ${status})` : ''
    } for ${what}`,
  );
}

function conditionsOf(object: KubernetesObject): Condition[] {
  const status = (object as { status?: { conditions?: any[] } }).status;
  return (status?.conditions ?? []).map(c => ({
    type: String(c.type),
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime
      ? new Date(c.lastTransitionTime).toISOString()
      : undefined,
  }));
}

function podSummary(pod: V1Pod): PodSummary {
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase,
    containers: (pod.status?.containerStatuses ?? []).map(c => {
      let state = 'running';
      let detail: { reason?: string; message?: string } | undefined;
      if (c.state?.waiting) {
        state = 'waiting';
        detail = c.state.waiting;
      } else if (c.state?.terminated) {
        state = 'terminated';
        detail = c.state.terminated;
      }
      return {
        name: c.name,
        ready: c.ready,
        restartCount: c.restartCount,
        state,
        reason: detail?.reason,
        message: detail?.message,
      };
    }),
  };
}

/** Answers the fleet routes from the watch cache, and reaches a cluster only for drill-down and actions. */
export class DefaultFleetService implements FleetService {
  private readonly entities: EntityLookup;

  private constructor(
    private readonly cache: FleetCache,
    private readonly clients: KubernetesClientProvider,
    catalog: CatalogService,
    private readonly access: NamespaceAccess,
    private readonly auditor: AuditorService,
    private readonly logger: LoggerService,
  ) {
    this.entities = new EntityLookup(catalog);
  }

  static create(options: {
    cache: FleetCache;
    clients: KubernetesClientProvider;
    catalog: CatalogService;
    access: NamespaceAccess;
    auditor: AuditorService;
    logger: LoggerService;
  }): DefaultFleetService {
    return new DefaultFleetService(
      options.cache,
      options.clients,
      options.catalog,
      options.access,
      options.auditor,
      options.logger,
    );
  }

  listClusters(): ListClustersResponse {
    return {
      items: this.cache.clusters(),
      generatedAt: new Date().toISOString(),
    };
  }

  async appsForEntity(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse> {
    const entity = await this.entities.get(entityRef, credentials);
    const annotations = entity.metadata.annotations ?? {};
    const selectors = parseScopedNames(annotations[ANNOTATION_SKIPERATOR_APPS]);
    let refs: AppRef[];
    if (selectors.length > 0) {
      refs = selectors.flatMap(s => this.cache.findApps(s.name, s.scope));
    } else {
      // Without an explicit annotation a component claims only its owner team's apps, so
      // a component named `api` never shows (or offers Sync on) another team's `api`.
      const name =
        annotations[KUBERNETES_ID_ANNOTATION] ?? entity.metadata.name;
      const owned = await this.ownerTeamNamespaces(entity);
      refs = this.cache
        .findApps(name)
        .filter(r => owned(r.cluster, r.namespace));
    }
    const items = this.summaries(refs);

    const argoSelectors = parseScopedNames(annotations[ANNOTATION_ARGOCD_APPS]);
    const joined = new Set(
      items.flatMap(i =>
        i.argo ? [`${i.argo.instance}/${i.argo.namespace}/${i.argo.name}`] : [],
      ),
    );
    const orphanArgoApps: ArgoAppStatus[] = argoSelectors
      .flatMap(s => this.cache.findArgoApps(s.name, s.scope))
      .filter(a => !joined.has(`${a.instance}/${a.namespace}/${a.name}`));
    return this.answer(items, orphanArgoApps);
  }

  async appsForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<AppsResponse> {
    const matches = await this.teamNamespaces(groupRef, credentials);
    return this.answer(
      this.summaries(this.cache.appsInNamespaces(matches)),
      [],
    );
  }

  async namespacesForTeam(
    groupRef: string,
    credentials: BackstageCredentials,
  ): Promise<NamespacesResponse> {
    const matches = await this.teamNamespaces(groupRef, credentials);
    const items = this.cache
      .namespaces()
      .filter(n =>
        matches(
          n.cluster,
          n.namespace.metadata?.name ?? '',
          n.namespace.metadata?.labels?.team,
        ),
      )
      .map(n => ({
        cluster: n.cluster,
        environment: this.cache.configuredCluster(n.cluster)!.metadata
          .environment,
        name: n.namespace.metadata?.name ?? '',
        team: n.namespace.metadata?.labels?.team,
        apps: n.apps,
        createdAt: n.namespace.metadata?.creationTimestamp
          ? new Date(n.namespace.metadata.creationTimestamp).toISOString()
          : undefined,
      }));
    return {
      items,
      clusters: this.allFreshness(),
      generatedAt: new Date().toISOString(),
    };
  }

  async resourceDetails(
    ref: ResourceRef,
    credentials: BackstageCredentials,
  ): Promise<ResourceDetails> {
    const { cluster, namespace, kind, name } = ref;
    const apiVersion = KIND_API_VERSIONS[kind];
    if (!apiVersion) {
      throw new InputError(
        `kind: '${kind}' is not one of ${Object.keys(KIND_API_VERSIONS).join(
          ', ',
        )}`,
      );
    }
    const kc = await this.kubeConfigToLookInto(
      cluster,
      namespace,
      credentials,
    );
    const objects = KubernetesObjectApi.makeApiClient(kc);
    const core = kc.makeApiClient(CoreV1Api);
    const what = `${kind} ${namespace}/${name}`;
    try {
      const object = await onCluster(
        cluster,
        objects.read({ apiVersion, kind, metadata: { name, namespace } }),
      );
      const pods = await onCluster(
        cluster,
        this.podsOf(core, objects, object, namespace),
      );
      const eventSubjects = [name, ...pods.map(p => p.metadata?.name ?? '')];
      const eventLists = await onCluster(
        cluster,
        Promise.all(
          eventSubjects.map(subject =>
            core.listNamespacedEvent({
              namespace,
              fieldSelector: `involvedObject.name=${subject}`,
            }),
          ),
        ),
      );
      const events: KubeEvent[] = eventLists
        .flatMap(list => list.items)
        .map(e => ({
          type: e.type ?? 'Normal',
          reason: e.reason,
          message:
            e.involvedObject?.name && e.involvedObject.name !== name
              ? `${e.involvedObject.kind ?? ''} ${e.involvedObject.name}: ${
                  e.message ?? ''
                }`.trim()
              : e.message,
          count: e.count,
          lastTimestamp:
            e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp
              ? new Date(
                  (e.lastTimestamp ??
                    e.eventTime ??
                    e.metadata?.creationTimestamp) as any,
                ).toISOString()
              : undefined,
          source: e.source?.component,
        }))
        .sort((a, b) =>
          (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
        );
      return {
        cluster,
        apiVersion,
        kind,
        namespace,
        name,
        conditions: conditionsOf(object),
        events,
        pods: pods.map(podSummary),
      };
    } catch (error) {
      throw clusterError(cluster, what, error, this.logger);
    }
  }

  async podLog(
    ref: Omit<ResourceRef, 'kind'>,
    query: PodLogQuery,
    credentials: BackstageCredentials,
  ): Promise<string> {
    const { cluster, namespace, name } = ref;
    const kubeConfig = await this.kubeConfigToLookInto(
      cluster,
      namespace,
      credentials,
    );
    const core = kubeConfig.makeApiClient(CoreV1Api);
    try {
      const container =
        query.container ?? (await this.defaultContainer(core, namespace, name));
      return await onCluster(
        cluster,
        core.readNamespacedPodLog({
          name,
          namespace,
          container,
          tailLines: query.tailLines,
        }),
      );
    } catch (error) {
      throw this.podLogError(cluster, ref, query, error);
    }
  }

  async followPodLog(
    ref: Omit<ResourceRef, 'kind'>,
    query: PodLogQuery,
    credentials: BackstageCredentials,
    out: Writable,
    signal: AbortSignal,
    onOpen: () => void,
  ): Promise<void> {
    const { cluster, namespace, name } = ref;
    const kubeConfig = await this.kubeConfigToLookInto(
      cluster,
      namespace,
      credentials,
    );
    const what = `Pod ${namespace}/${name}`;
    let source: Readable;
    try {
      const core = kubeConfig.makeApiClient(CoreV1Api);
      const container =
        query.container ??
        (await onCluster(
          cluster,
          this.defaultContainer(core, namespace, name),
        ));
      source = await onCluster(
        cluster,
        openPodLogStream({
          kubeConfig,
          namespace,
          pod: name,
          container,
          tailLines: query.tailLines,
          signal,
        }),
      );
    } catch (error) {
      throw this.podLogError(cluster, ref, query, error);
    }
    onOpen();
    try {
      await pipeline(source, out, { end: false });
    } catch (error) {
      // The browser going away ends the stream; anything else is the cluster's doing.
      if (!signal.aborted) {
        const { category, detail } = classifyClusterError(error);
        this.logger.info(
          `Log stream of ${what} on ${cluster} ended: ${detail}`,
        );
        out.write(
          `\n[skip-portal] the log stream from cluster ${cluster} ended: the cluster ${describeClusterErrorCategory(
            category,
          )}\n`,
        );
      }
    }
  }

  async refreshArgoApp(
    ref: ArgoAppRef,
    request: ArgoRefreshRequest,
    caller: Caller,
  ): Promise<void> {
    const { cluster, destination } = await this.authorizeArgoAction(
      ref,
      skipArgoAppRefreshPermission,
      caller,
    );
    await this.patchArgoApp(
      cluster,
      ref,
      caller,
      destination,
      `refresh (${request.type})`,
      {
        metadata: {
          annotations: { 'argocd.argoproj.io/refresh': request.type },
        },
      },
    );
  }

  async syncArgoApp(
    ref: ArgoAppRef,
    request: ArgoSyncRequest,
    caller: Caller,
  ): Promise<void> {
    const { cluster, destination } = await this.authorizeArgoAction(
      ref,
      skipArgoAppSyncPermission,
      caller,
    );
    const objects = KubernetesObjectApi.makeApiClient(this.kubeConfig(cluster));
    let current: KubernetesObject & {
      operation?: unknown;
      status?: { operationState?: { phase?: string } };
    };
    try {
      current = await onCluster(
        cluster,
        objects.read({
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          metadata: { name: ref.name, namespace: ref.namespace },
        }),
      );
    } catch (error) {
      throw clusterError(
        cluster,
        `Argo CD app ${ref.instance}/${ref.name}`,
        error,
        this.logger,
      );
    }
    if (
      current.operation ||
      current.status?.operationState?.phase === 'Running'
    ) {
      throw new ConflictError(
        `Argo CD app '${ref.name}' already has an operation in progress`,
      );
    }
    const principal = caller.credentials.principal as {
      userEntityRef?: string;
    };
    // The resourceVersion makes two syncs at once a 409 instead of one overwriting the other.
    await this.patchArgoApp(
      cluster,
      ref,
      caller,
      destination,
      `sync${request.prune ? ' with prune' : ''}${
        request.revision ? ` to ${request.revision}` : ''
      }`,
      {
        metadata: { resourceVersion: current.metadata?.resourceVersion },
        operation: {
          initiatedBy: { username: principal.userEntityRef ?? 'skip-portal' },
          sync: {
            ...(request.revision ? { revision: request.revision } : {}),
            prune: request.prune,
            syncStrategy: { hook: {} },
          },
        },
      },
    );
  }

  /**
   * Checks an Argo CD action against the app's destination namespace and every namespace
   * its resources live in (a sync with prune acts on all of them), which is what the
   * team's AppProject grants; cluster-wide resources are the platform team's. Returns
   * where the Application object lives.
   */
  private async authorizeArgoAction(
    ref: ArgoAppRef,
    permission: typeof skipArgoAppSyncPermission,
    caller: Caller,
  ) {
    const location = this.argoLocation(ref);
    const app = this.cache.argoApp(ref.instance, ref.namespace, ref.name);
    if (!app) {
      throw new NotFoundError(
        `No Argo CD app '${ref.name}' in instance '${ref.instance}'`,
      );
    }
    const cluster =
      app.destination.cluster || `(unknown cluster of ${ref.instance})`;
    const namespaces = new Set([app.destination.namespace ?? '']);
    for (const resource of app.resources) {
      namespaces.add(resource.namespace ?? '');
    }
    for (const namespace of namespaces) {
      await this.access.require(
        permission,
        caller.credentials,
        cluster,
        namespace,
      );
    }
    return {
      ...location,
      destination: `${cluster}/${app.destination.namespace ?? ''}`,
    };
  }

  private argoLocation(ref: ArgoAppRef) {
    const location = this.cache.argoInstanceCluster(ref.instance);
    if (!location)
      throw new NotFoundError(`No Argo CD instance '${ref.instance}'`);
    if (location.namespace !== ref.namespace) {
      throw new InputError(
        `namespace: Argo CD instance '${ref.instance}' keeps its apps in '${location.namespace}'`,
      );
    }
    return location;
  }

  private async patchArgoApp(
    cluster: string,
    ref: ArgoAppRef,
    caller: Caller,
    destination: string,
    action: string,
    patch: Record<string, unknown>,
  ) {
    const objects = KubernetesObjectApi.makeApiClient(this.kubeConfig(cluster));
    await auditClusterChange(
      {
        auditor: this.auditor,
        eventId: 'argocd-app-change',
        request: caller.request,
        action,
        target: {
          cluster,
          namespace: ref.namespace,
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Application',
          name: ref.name,
        },
        meta: { instance: ref.instance, destination },
      },
      async () => {
        try {
          await onCluster(
            cluster,
            objects.patch(
              {
                apiVersion: 'argoproj.io/v1alpha1',
                kind: 'Application',
                ...patch,
                metadata: {
                  name: ref.name,
                  namespace: ref.namespace,
                  ...(patch.metadata as object),
                },
              },
              undefined,
              undefined,
              FIELD_MANAGER,
              undefined,
              PatchStrategy.MergePatch,
            ),
          );
        } catch (error) {
          throw clusterError(
            cluster,
            `Argo CD app ${ref.instance}/${ref.name}`,
            error,
            this.logger,
          );
        }
      },
    );
  }

  private async podsOf(
    core: CoreV1Api,
    objects: KubernetesObjectApi,
    object: KubernetesObject,
    namespace: string,
  ): Promise<V1Pod[]> {
    let selector: Record<string, string> | undefined;
    if (object.kind === 'Pod') return [object as V1Pod];
    if (
      object.kind === 'Deployment' ||
      object.kind === 'StatefulSet' ||
      object.kind === 'ReplicaSet'
    ) {
      selector = (object as any).spec?.selector?.matchLabels;
    } else if (object.kind === 'Application') {
      try {
        const deployment = await objects.read({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: object.metadata?.name ?? '', namespace },
        });
        selector = (deployment as any).spec?.selector?.matchLabels;
      } catch {
        return [];
      }
    }
    if (!selector || Object.keys(selector).length === 0) return [];
    const labelSelector = Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return (await core.listNamespacedPod({ namespace, labelSelector })).items;
  }

  /**
   * A cluster answers 400 to a log of a container the pod does not have: that is the
   * caller's input, not a broken cluster.
   */
  private podLogError(
    cluster: string,
    ref: Omit<ResourceRef, 'kind'>,
    query: PodLogQuery,
    error: unknown,
  ): Error {
    const what = `Pod ${ref.namespace}/${ref.name}`;
    if (query.container && classifyClusterError(error).status === 400) {
      return new InputError(
        `Invalid query: container: '${query.container}' is not a container of ${what} on cluster '${cluster}'`,
      );
    }
    return clusterError(cluster, what, error, this.logger);
  }

  private async defaultContainer(
    core: CoreV1Api,
    namespace: string,
    name: string,
  ): Promise<string> {
    const pod = await core.readNamespacedPod({ name, namespace });
    const first = pod.spec?.containers?.[0]?.name;
    if (!first)
      throw new NotFoundError(`Pod ${namespace}/${name} has no containers`);
    return first;
  }

  /** The cluster's KubeConfig, once the caller may look into the namespace (details, events, logs). */
  private async kubeConfigToLookInto(
    cluster: string,
    namespace: string,
    credentials: BackstageCredentials,
  ) {
    const kubeConfig = this.kubeConfig(cluster);
    await this.access.require(
      skipNamespaceReadPermission,
      credentials,
      cluster,
      namespace,
    );
    return kubeConfig;
  }

  private kubeConfig(cluster: string) {
    if (!this.cache.configuredCluster(cluster)) {
      throw new NotFoundError(`No cluster '${cluster}'`);
    }
    return this.clients.kubeConfig(cluster);
  }

  private async teamNamespaces(
    groupRef: string,
    credentials: BackstageCredentials,
  ) {
    const group: Entity = await this.entities.get(groupRef, credentials);
    if (group.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new InputError(
        `team: '${groupRef}' is a ${group.kind}, not a Group`,
      );
    }
    return this.access.ownedBy(stringifyEntityRef(group));
  }

  /** The namespaces of the team that owns a component (spec.owner); none when a user owns it. */
  private async ownerTeamNamespaces(
    entity: Entity,
  ): Promise<(cluster: string, namespace: string) => boolean> {
    const owner = (entity.spec as { owner?: unknown } | undefined)?.owner;
    if (typeof owner !== 'string') return () => false;
    let ownerRef;
    try {
      ownerRef = parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: entity.metadata.namespace ?? 'default',
      });
    } catch {
      return () => false;
    }
    if (ownerRef.kind.toLocaleLowerCase('en-US') !== 'group')
      return () => false;
    return this.access.ownedBy(stringifyEntityRef(ownerRef));
  }

  private summaries(refs: AppRef[]): SkiperatorAppSummary[] {
    const items: SkiperatorAppSummary[] = [];
    for (const ref of refs) {
      const summary = this.cache.summary(ref);
      if (summary) items.push(summary);
    }
    return items;
  }

  private allFreshness(): ClusterFreshness[] {
    return this.cache.allFreshness();
  }

  private answer(
    items: SkiperatorAppSummary[],
    orphanArgoApps: ArgoAppStatus[],
  ): AppsResponse {
    return {
      items,
      orphanArgoApps,
      clusters: this.allFreshness(),
      generatedAt: new Date().toISOString(),
    };
  }
}
