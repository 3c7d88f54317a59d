import type { LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import {
  ClusterClients,
  DiscoveryCache,
  makeClusterClients,
} from './clusterClients';
import type { KubernetesClientProvider } from './KubernetesClientProvider';
import { runWithDeadline } from './runWithDeadline';
import { toClusterError } from './toClusterError';

/** How long a person waits for one cluster before the answer names it as not answering. */
export const DEFAULT_CLUSTER_CALL_TIMEOUT_MS = 8_000;

/** Options of one {@link ClusterCalls.call}. */
export type ClusterCallOptions = {
  /** Defaults to the timeout the helper was created with. */
  timeoutMs?: number;
  /** The caller's signal: aborting it cancels the call (and a stream the call opened). */
  signal?: AbortSignal;
};

/**
 * The one way SKIP backend plugins call a cluster on a person's behalf: a deadline that
 * really cancels the HTTP request, and failures turned into Backstage errors that name the
 * cluster. Background watches keep their own loop (see the fleet cache).
 */
export class ClusterCalls {
  private readonly discovery = new Map<string, DiscoveryCache>();

  private constructor(
    private readonly clients: KubernetesClientProvider,
    private readonly logger: LoggerService,
    private readonly timeoutMs: number,
  ) {}

  static create(options: {
    clients: KubernetesClientProvider;
    logger: LoggerService;
    timeoutMs?: number;
  }): ClusterCalls {
    return new ClusterCalls(
      options.clients,
      options.logger,
      options.timeoutMs ?? DEFAULT_CLUSTER_CALL_TIMEOUT_MS,
    );
  }

  /**
   * Runs `request` with clients of `cluster` whose requests are aborted at the deadline.
   * Throws `ServiceUnavailableError("Cluster 'x' did not answer within N ms")` then; any
   * other failure goes through {@link toClusterError} with `what` (e.g. `Pod team-a/api-1`).
   * A Backstage error the request throws itself (say an InputError) reaches the caller as is.
   */
  async call<T>(
    cluster: string,
    what: string,
    request: (clients: ClusterClients) => Promise<T>,
    options: ClusterCallOptions = {},
  ): Promise<T> {
    const kubeConfig = this.clients.kubeConfig(cluster);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    try {
      return await runWithDeadline(
        signal =>
          request(
            makeClusterClients(kubeConfig, signal, this.discoveryOf(cluster)),
          ),
        {
          timeoutMs,
          signal: options.signal,
          onDeadline: () =>
            new ServiceUnavailableError(
              `Cluster '${cluster}' did not answer within ${timeoutMs} ms`,
            ),
        },
      );
    } catch (error) {
      throw toClusterError(cluster, what, error, this.logger);
    }
  }

  private discoveryOf(cluster: string): DiscoveryCache {
    let cache = this.discovery.get(cluster);
    if (!cache) {
      cache = {};
      this.discovery.set(cluster, cache);
    }
    return cache;
  }
}
