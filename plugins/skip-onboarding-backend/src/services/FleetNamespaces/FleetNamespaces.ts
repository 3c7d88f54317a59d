import { CoreV1Api } from '@kubernetes/client-node';
import type { ClusterCalls } from '@internal/plugin-skip-node';

/** A namespace on a cluster. */
export type FleetNamespace = {
  cluster: string;
  namespace: string;
  /** Its `team` label, which decides its owner before any prefix does. */
  teamLabel?: string;
};

/** The namespaces of every cluster, and the clusters that could not be read. */
export type FleetNamespaceList = {
  namespaces: FleetNamespace[];
  unreachable: { cluster: string; error: string }[];
};

/**
 * Reads the namespaces of every cluster in parallel, each within the call deadline: what a
 * new prefix would take in, and what lives under a prefix before it is retired.
 */
export class FleetNamespaces {
  constructor(
    private readonly calls: ClusterCalls,
    private readonly clusters: string[],
  ) {}

  async list(): Promise<FleetNamespaceList> {
    const readings = await Promise.all(
      this.clusters.map(async cluster => {
        try {
          const list = await this.calls.call(cluster, 'namespaces', clients =>
            clients.api(CoreV1Api).listNamespace(),
          );
          return {
            cluster,
            namespaces: list.items
              .filter(ns => ns.metadata?.name)
              .map(ns => ({
                name: ns.metadata!.name!,
                teamLabel: ns.metadata?.labels?.team,
              })),
          };
        } catch (error) {
          return { cluster, error: (error as Error).message };
        }
      }),
    );
    return {
      namespaces: readings.flatMap(r =>
        'namespaces' in r
          ? r.namespaces!.map(ns => ({
              cluster: r.cluster,
              namespace: ns.name,
              ...(ns.teamLabel ? { teamLabel: ns.teamLabel } : {}),
            }))
          : [],
      ),
      unreachable: readings.flatMap(r =>
        'error' in r ? [{ cluster: r.cluster, error: r.error! }] : [],
      ),
    };
  }
}
