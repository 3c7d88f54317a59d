import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ClusterDetails,
  ClusterStatus,
  SkipFleetClient,
} from '@internal/plugin-skip-common';
import {
  isError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import type { ClusterHealth, FleetCluster, FleetReader } from './types';

/**
 * The fleet as the fleet backend's watch cache sees it, over HTTP with the plugin's own
 * service token: plugins talk over their APIs, never each other's tables.
 */
export class FleetBackendReader implements FleetReader {
  private constructor(private readonly client: SkipFleetClient) {}

  static create(options: {
    discovery: DiscoveryService;
    auth: AuthService;
  }): FleetBackendReader {
    const { discovery, auth } = options;
    const client = new SkipFleetClient({
      discoveryApi: discovery,
      fetchApi: {
        fetch: async (input, init) => {
          const { token } = await auth.getPluginRequestToken({
            onBehalfOf: await auth.getOwnServiceCredentials(),
            targetPluginId: 'skip-fleet',
          });
          const headers = new Headers(init?.headers);
          headers.set('authorization', `Bearer ${token}`);
          return fetch(input, { ...init, headers });
        },
      },
    });
    return new FleetBackendReader(client);
  }

  /** Over a client made elsewhere (a process without Backstage's services). */
  static fromClient(client: SkipFleetClient): FleetBackendReader {
    return new FleetBackendReader(client);
  }

  async clusters(): Promise<FleetCluster[]> {
    const { items } = await unavailableWhenFailing('the fleet', () =>
      this.client.listClusters(),
    );
    return items.map(toFleetCluster);
  }

  async health(cluster: string): Promise<ClusterHealth> {
    return toClusterHealth(
      await unavailableWhenFailing(`cluster ${cluster}`, () =>
        this.client.getClusterDetails(cluster),
      ),
    );
  }
}

/**
 * The fleet backend is a dependency, not the caller's business: whatever it answers (a
 * refused connection, its own 403 or 500) is a 503 here, naming what could not be read.
 */
async function unavailableWhenFailing<T>(
  what: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (
      isError(error) &&
      error.name === 'ResponseError' &&
      (error as { statusCode?: number }).statusCode === 404
    ) {
      throw new NotFoundError(`${what} is not in the fleet`);
    }
    throw new ServiceUnavailableError(
      `The fleet backend did not answer for ${what}: ${
        isError(error) ? error.message : String(error)
      }`,
    );
  }
}

/** A fleet row as the upgrade rules read it. */
export function toFleetCluster(row: ClusterStatus): FleetCluster {
  return {
    metadata: row.metadata,
    version: row.versions.platform,
    reachable: row.freshness.reachability === 'reachable',
    nodes: row.nodes,
    upgrading: !!row.upgradeInProgress,
  };
}

/** A cluster page as a soak and a postflight read it. */
export function toClusterHealth(details: ClusterDetails): ClusterHealth {
  return {
    cluster: details.cluster.metadata.name,
    reachable: details.cluster.freshness.reachability === 'reachable',
    version: details.cluster.versions.platform,
    upgrading: !!details.cluster.upgradeInProgress,
    notReadyNodes: details.nodes.filter(n => !n.ready).map(n => n.name),
    nodesTotal: details.nodes.length,
    pools: details.nodePools.map(p => ({
      name: p.name,
      kubeletVersions: p.kubeletVersions,
    })),
    unhealthyApps: details.apps
      .filter(a => a.argo && a.argo.health !== 'Healthy')
      .map(a => ({
        name: a.argo!.name,
        namespace: a.namespace,
        health: a.argo!.health,
      })),
  };
}
