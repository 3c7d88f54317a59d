import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
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
import { logContainerOf, podName } from './logContainerOf';
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
      async clients => {
        const container = await this.containerOf(clients, ref, query);
        return this.previousErrorsAsInput(ref, query, container, () =>
          clients.api(CoreV1Api).readNamespacedPodLog({
            name,
            namespace,
            container,
            tailLines: query.tailLines,
            previous: query.previous || undefined,
          }),
        );
      },
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
    // Who may not look learns nothing, not even that the query was wrong: 403 before 400.
    await this.access.requireToLookInto(credentials, cluster, namespace);
    if (query.previous) {
      throw new InputError(
        "Invalid query: previous: a previous run's log has ended and cannot be followed",
      );
    }
    const source = await this.calls.call(
      cluster,
      podName(ref),
      async clients =>
        openPodLogStream(clients, {
          namespace,
          pod: name,
          container: await this.containerOf(clients, ref, query),
          tailLines: query.tailLines,
        }),
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

  /**
   * Reads the pod first: the container to read and, for one that never ran, why it has no
   * log (the cluster would answer a bare 400, or a followed log would wait for output that
   * cannot come).
   */
  private async containerOf(
    clients: ClusterClients,
    ref: PodRef,
    query: PodLogQuery,
  ): Promise<string> {
    const pod = await clients
      .api(CoreV1Api)
      .readNamespacedPod({ name: ref.name, namespace: ref.namespace });
    return logContainerOf(pod, ref, query);
  }

  /** A cluster answers 400 to a previous log of a container that has not restarted. */
  private async previousErrorsAsInput<T>(
    ref: PodRef,
    query: PodLogQuery,
    container: string,
    request: () => Promise<T>,
  ): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (query.previous && classifyClusterError(error).status === 400) {
        throw new InputError(
          `Invalid query: previous: container '${container}' of ${podName(
            ref,
          )} has no log of a previous run (it has not restarted)`,
        );
      }
      throw error;
    }
  }
}
