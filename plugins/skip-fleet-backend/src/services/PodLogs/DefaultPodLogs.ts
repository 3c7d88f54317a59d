import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import { CoreV1Api } from '@kubernetes/client-node';
import {
  describeClusterErrorCategory,
  PodLogQuery,
  PodRef,
} from '@internal/plugin-skip-common';
import {
  classifyClusterError,
  ClusterCalls,
  ClusterClients,
  endWithNotice,
  openPodLogStream,
} from '@internal/plugin-skip-node';
import type { Readable } from 'node:stream';
import { NamespaceAccess } from '../NamespaceAccess';
import { PodLogs } from './types';

/** Reads and follows pod logs once the caller may look into the namespace. */
export class DefaultPodLogs implements PodLogs {
  private constructor(
    private readonly access: NamespaceAccess,
    private readonly calls: ClusterCalls,
    private readonly logger: LoggerService,
  ) {}

  static create(options: {
    access: NamespaceAccess;
    calls: ClusterCalls;
    logger: LoggerService;
  }): DefaultPodLogs {
    return new DefaultPodLogs(options.access, options.calls, options.logger);
  }

  async read(
    ref: PodRef,
    query: PodLogQuery,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<string> {
    const { cluster, namespace, name } = ref;
    await this.access.requireToLookInto(credentials, cluster, namespace);
    return this.calls.call(
      cluster,
      podName(ref),
      clients =>
        this.containerErrorsAsInput(ref, query, async () => {
          const core = clients.api(CoreV1Api);
          return core.readNamespacedPodLog({
            name,
            namespace,
            container: await this.containerOf(clients, ref, query),
            tailLines: query.tailLines,
          });
        }),
      { signal },
    );
  }

  async follow(
    ref: PodRef,
    query: PodLogQuery,
    credentials: BackstageCredentials,
    signal: AbortSignal,
  ): Promise<Readable> {
    const { cluster, namespace, name } = ref;
    await this.access.requireToLookInto(credentials, cluster, namespace);
    const source = await this.calls.call(
      cluster,
      podName(ref),
      clients =>
        this.containerErrorsAsInput(ref, query, async () =>
          openPodLogStream(clients, {
            namespace,
            pod: name,
            container: await this.containerOf(clients, ref, query),
            tailLines: query.tailLines,
          }),
        ),
      { signal },
    );
    return endWithNotice(source, signal, error => {
      const { category, detail } = classifyClusterError(error);
      this.logger.info(
        `Log stream of ${podName(ref)} on ${cluster} ended: ${detail}`,
      );
      return `\n[skip-portal] the log stream from cluster ${cluster} ended: the cluster ${describeClusterErrorCategory(
        category,
      )}\n`;
    });
  }

  /** The asked-for container, else the pod's first. */
  private async containerOf(
    clients: ClusterClients,
    ref: PodRef,
    query: PodLogQuery,
  ): Promise<string> {
    if (query.container) return query.container;
    const pod = await clients
      .api(CoreV1Api)
      .readNamespacedPod({ name: ref.name, namespace: ref.namespace });
    const first = pod.spec?.containers?.[0]?.name;
    if (!first) throw new NotFoundError(`${podName(ref)} has no containers`);
    return first;
  }

  /**
   * A cluster answers 400 to a log of a container the pod does not have: that is the
   * caller's input, not a broken cluster.
   */
  private async containerErrorsAsInput<T>(
    ref: PodRef,
    query: PodLogQuery,
    request: () => Promise<T>,
  ): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (query.container && classifyClusterError(error).status === 400) {
        throw new InputError(
          `Invalid query: container: '${
            query.container
          }' is not a container of ${podName(ref)} on cluster '${ref.cluster}'`,
        );
      }
      throw error;
    }
  }
}

function podName(ref: PodRef): string {
  return `Pod ${ref.namespace}/${ref.name}`;
}
