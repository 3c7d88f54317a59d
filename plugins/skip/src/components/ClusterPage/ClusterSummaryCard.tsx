import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterDetails } from '@internal/plugin-skip-common';
import { ClusterReachability } from '../FleetPage/ClusterReachability';
import { ClusterLink } from '../FleetPage/clusterLinks';

/** Props of {@link ClusterSummaryCard}. */
export type ClusterSummaryCardProps = { details: ClusterDetails };

const PLATFORM_NAMES: Record<string, string> = {
  'anthos-vmware': 'GKE on VMware',
  gke: 'GKE',
};

/** What a cluster is, what it runs, who manages it (or what it manages), and how fresh that is. */
export function ClusterSummaryCard(props: ClusterSummaryCardProps) {
  const { cluster, manages, nodes } = props.details;
  const { metadata, versions, freshness } = cluster;
  const kubelets = [
    ...new Set(
      nodes.flatMap(n => (n.kubeletVersion ? [n.kubeletVersion] : [])),
    ),
  ].sort();
  const management =
    metadata.role === 'admin'
      ? {
          Manages:
            manages.length > 0 ? (
              <>
                {manages.map(name => (
                  <Typography key={name} variant="body2" component="div">
                    <ClusterLink cluster={name} fromClusterPage />
                  </Typography>
                ))}
              </>
            ) : (
              'no user clusters'
            ),
        }
      : {
          'Admin cluster': metadata.adminCluster ? (
            <ClusterLink cluster={metadata.adminCluster} fromClusterPage />
          ) : (
            'managed by Google'
          ),
        };
  return (
    <InfoCard title="Cluster">
      <StructuredMetadataTable
        metadata={{
          Status: <ClusterReachability freshness={freshness} />,
          Environment: metadata.environment,
          Role: metadata.role === 'admin' ? 'admin cluster' : 'user cluster',
          Platform: `${
            PLATFORM_NAMES[metadata.platform] ?? metadata.platform
          } · ${metadata.site}`,
          'Control plane': `${metadata.controlPlane} ${
            versions.kubernetes ?? '(not reported)'
          }`,
          'Platform release': versions.platform ?? '–',
          Kubelets: kubelets.length > 0 ? kubelets.join(', ') : '–',
          ...management,
          ...(freshness.unreadable?.length
            ? { 'Cannot read': freshness.unreadable.join('; ') }
            : {}),
        }}
        options={{ titleFormat: (key: string) => key }}
      />
    </InfoCard>
  );
}
