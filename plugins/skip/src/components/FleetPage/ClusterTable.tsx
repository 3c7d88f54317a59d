import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ClusterStatus } from '@internal/plugin-skip-common';
import { ClusterReachability } from './ClusterReachability';

/** Props of {@link ClusterTable}. */
export type ClusterTableProps = {
  environment: string;
  clusters: ClusterStatus[];
};

const PLATFORM_NAMES: Record<string, string> = {
  'anthos-vmware': 'GKE on VMware',
  gke: 'GKE',
};

/** The clusters of one environment. */
export function ClusterTable(props: ClusterTableProps) {
  const columns: TableColumn<ClusterStatus & { id: string }>[] = [
    {
      title: 'Cluster',
      field: 'metadata.name',
      highlight: true,
      render: c => (
        <>
          {c.metadata.name}
          {c.metadata.adminCluster && (
            <Typography variant="caption" display="block" color="textSecondary">
              admin: {c.metadata.adminCluster}
            </Typography>
          )}
        </>
      ),
    },
    { title: 'Role', field: 'metadata.role' },
    { title: 'Site', field: 'metadata.site' },
    {
      title: 'Platform',
      field: 'metadata.platform',
      render: c => PLATFORM_NAMES[c.metadata.platform] ?? c.metadata.platform,
    },
    { title: 'Control plane', field: 'metadata.controlPlane' },
    {
      title: 'Kubernetes',
      field: 'versions.kubernetes',
      emptyValue: '–',
    },
    {
      title: 'Platform version',
      field: 'versions.platform',
      emptyValue: '–',
    },
    {
      title: 'Nodes ready',
      render: c => (c.nodes ? `${c.nodes.ready}/${c.nodes.total}` : '–'),
    },
    {
      title: 'Status',
      field: 'freshness.reachability',
      render: c => <ClusterReachability freshness={c.freshness} />,
    },
    {
      title: 'Upgrade',
      render: c =>
        c.upgradeInProgress
          ? `Upgrading${
              c.upgradeInProgress.targetVersion
                ? ` to ${c.upgradeInProgress.targetVersion}`
                : ''
            }`
          : '–',
    },
  ];
  const data = props.clusters.map(c => ({ ...c, id: c.metadata.name }));
  return (
    <Table
      title={props.environment}
      subtitle={`${props.clusters.length} ${
        props.clusters.length === 1 ? 'cluster' : 'clusters'
      }`}
      columns={columns}
      data={data}
      options={{
        paging: data.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
    />
  );
}
