import { Table, TableColumn } from '@backstage/core-components';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterNode, NodePool } from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';

/** Props of {@link NodeTable}. */
export type NodeTableProps = {
  nodes: ClusterNode[];
  nodePools: NodePool[];
};

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Row = ClusterNode & { id: string };

function NodeState(props: { node: ClusterNode }) {
  const { node } = props;
  if (!node.ready) {
    return (
      <span style={NO_WRAP}>
        <StatusError>Not ready</StatusError>
        {node.notReadyReason && (
          <Typography variant="caption" display="block" color="error">
            {node.notReadyReason}
          </Typography>
        )}
      </span>
    );
  }
  if (node.unschedulable) {
    return (
      <span style={NO_WRAP}>
        <StatusWarning>Cordoned</StatusWarning>
      </span>
    );
  }
  return (
    <span style={NO_WRAP}>
      <StatusOK>Ready</StatusOK>
    </span>
  );
}

/** One line per pool (Ready count, kubelet versions), for the table's subtitle. */
function poolSummary(pools: NodePool[]): string {
  return pools
    .map(
      p =>
        `${p.name}: ${p.ready}/${p.nodes} ready, kubelet ${
          p.kubeletVersions.join(' and ') || 'unknown'
        }`,
    )
    .join(' · ');
}

/** The nodes of a cluster: Ready or why not, pool, kubelet version and zone. */
export function NodeTable(props: NodeTableProps) {
  const { nodes, nodePools } = props;
  const columns: TableColumn<Row>[] = [
    {
      title: 'Status',
      field: 'ready',
      width: '130px',
      render: n => <NodeState node={n} />,
    },
    {
      title: 'Node',
      field: 'name',
      highlight: true,
      render: n => <BreakableName name={n.name} />,
    },
    { title: 'Pool', field: 'pool', emptyValue: '–' },
    {
      title: 'Kubelet',
      field: 'kubeletVersion',
      emptyValue: '–',
      render: n => <span style={NO_WRAP}>{n.kubeletVersion ?? '–'}</span>,
    },
    {
      title: 'Roles',
      render: n => (n.roles.length > 0 ? n.roles.join(', ') : 'worker'),
    },
    { title: 'Zone', field: 'zone', emptyValue: '–' },
  ];
  return (
    <Table<Row>
      title="Nodes"
      subtitle={poolSummary(nodePools)}
      columns={columns}
      data={nodes.map(n => ({ ...n, id: n.name }))}
      options={{
        paging: nodes.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
        headerStyle: NO_WRAP,
      }}
      emptyContent={
        <Typography color="textSecondary" style={{ padding: 16 }}>
          No nodes seen yet.
        </Typography>
      }
    />
  );
}
