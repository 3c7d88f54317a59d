import { Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ClusterStatus } from '@internal/plugin-skip-common';
import { useNavigate } from 'react-router-dom';
import { ClusterReachability } from './ClusterReachability';
import { ClusterVersion } from './ClusterVersion';
import { ClusterLink, clusterPagePath } from './clusterLinks';
import type { VersionDrift } from './versionDrift';

/** Props of {@link ClusterTable}. */
export type ClusterTableProps = {
  title: string;
  clusters: ClusterStatus[];
  /** Clusters whose Kubernetes version differs from their environment's others. */
  drift: Map<string, VersionDrift>;
  /** The active upgrade run of a cluster, by cluster name, to link its running upgrade to. */
  runOf?: Map<string, string>;
  /** For admin clusters: the clusters each manages; adds a "Manages" column. */
  manages?: Map<string, string[]>;
};

const PLATFORM_NAMES: Record<string, string> = {
  'anthos-vmware': 'GKE on VMware',
  gke: 'GKE',
};

type Row = ClusterStatus & { id: string };

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

function nodes(c: ClusterStatus) {
  return c.nodes ? `${c.nodes.ready}/${c.nodes.total}` : '–';
}

/**
 * Clusters, status first, one row each; a row opens the cluster's page. Where a cluster
 * runs and how is one line under its name, so the table fits 1280 px without scrolling.
 */
export function ClusterTable(props: ClusterTableProps) {
  const { clusters, drift, runOf, manages } = props;
  const navigate = useNavigate();
  const columns: TableColumn<Row>[] = [
    {
      title: 'Status',
      field: 'freshness.reachability',
      width: '130px',
      render: c => <ClusterReachability freshness={c.freshness} />,
    },
    {
      title: 'Cluster',
      field: 'metadata.name',
      highlight: true,
      render: c => (
        <>
          <ClusterLink cluster={c.metadata.name} />
          <Typography variant="caption" display="block" color="textSecondary">
            {PLATFORM_NAMES[c.metadata.platform] ?? c.metadata.platform} ·{' '}
            {c.metadata.site} · {c.metadata.controlPlane}
          </Typography>
        </>
      ),
    },
    {
      title: 'Environment',
      field: 'metadata.environment',
      render: c => <span style={NO_WRAP}>{c.metadata.environment}</span>,
    },
    {
      title: 'Version',
      field: 'versions.kubernetes',
      render: c => (
        <ClusterVersion
          cluster={c}
          drift={drift.get(c.metadata.name)}
          runId={runOf?.get(c.metadata.name)}
        />
      ),
    },
    {
      title: 'Nodes',
      render: c => <span style={NO_WRAP}>{nodes(c)}</span>,
    },
    manages
      ? {
          title: 'Manages',
          render: c => (
            <>
              {(manages.get(c.metadata.name) ?? []).map(name => (
                <Typography key={name} variant="body2" component="div">
                  <ClusterLink cluster={name} />
                </Typography>
              ))}
            </>
          ),
        }
      : {
          title: 'Admin cluster',
          render: c =>
            c.metadata.adminCluster ? (
              <ClusterLink cluster={c.metadata.adminCluster} />
            ) : (
              <Typography variant="body2" color="textSecondary">
                managed by Google
              </Typography>
            ),
        },
  ];
  const data = clusters.map(c => ({ ...c, id: c.metadata.name }));
  return (
    <Table<Row>
      title={props.title}
      subtitle={`${clusters.length} ${
        clusters.length === 1 ? 'cluster' : 'clusters'
      }`}
      columns={columns}
      data={data}
      onRowClick={(event, row) => {
        // A click on a link inside the row follows that link instead.
        if ((event?.target as HTMLElement | undefined)?.closest('a')) return;
        if (row) {
          navigate(clusterPagePath(row.metadata.name), { relative: 'path' });
        }
      }}
      options={{
        paging: data.length > 30,
        pageSize: 30,
        search: false,
        padding: 'dense',
        headerStyle: NO_WRAP,
      }}
    />
  );
}
