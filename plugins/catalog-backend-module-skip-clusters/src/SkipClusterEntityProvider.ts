import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ResourceEntity,
} from '@backstage/catalog-model';
import type {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { ANNOTATION_CLUSTER_NAME } from '@internal/plugin-skip-common';
import type { ConfiguredCluster } from '@internal/plugin-skip-node';

const LOCATION = 'skip-clusters:config';

/** One catalog Resource per configured cluster, so clusters are searchable and linkable. */
export function clusterEntity(
  cluster: ConfiguredCluster,
  owner: string,
): ResourceEntity {
  const { metadata } = cluster;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: metadata.name,
      title: metadata.name,
      description: `${
        metadata.platform === 'gke' ? 'GKE' : 'Anthos on VMware'
      } ${metadata.role} cluster in ${metadata.environment} (${metadata.site})`,
      tags: [metadata.environment, metadata.platform, metadata.controlPlane],
      labels: {
        'skip.kartverket.no/environment': metadata.environment,
        'skip.kartverket.no/site': metadata.site,
      },
      annotations: {
        [ANNOTATION_LOCATION]: LOCATION,
        [ANNOTATION_ORIGIN_LOCATION]: LOCATION,
        [ANNOTATION_CLUSTER_NAME]: metadata.name,
        'backstage.io/kubernetes-cluster': metadata.name,
      },
    },
    spec: {
      type: 'kubernetes-cluster',
      owner,
      system: 'skip',
      ...(metadata.adminCluster
        ? { dependsOn: [`resource:default/${metadata.adminCluster}`] }
        : {}),
    },
  };
}

/** Provides the cluster Resources from the validated SKIP config, replacing them all on each run. */
export class SkipClusterEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;

  constructor(
    private readonly clusters: ConfiguredCluster[],
    private readonly owner: string,
  ) {}

  getProviderName(): string {
    return 'skip-clusters';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.connection.applyMutation({
      type: 'full',
      entities: this.clusters.map(cluster => ({
        entity: clusterEntity(cluster, this.owner),
        locationKey: LOCATION,
      })),
    });
  }
}
