import { Link, Table, TableColumn } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterApp } from '@internal/plugin-skip-common';
import { BreakableName } from '@internal/plugin-skip-react';
import { HealthStatus } from './HealthStatus';
import { componentSkipTabPath } from './componentSkipTabPath';

/** Props of {@link ClusterAppsTable}. */
export type ClusterAppsTableProps = {
  apps: ClusterApp[];
};

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Row = ClusterApp & { id: string };

/** The Skiperator apps on a cluster with their state; an app a component claims links to its SKIP tab. */
export function ClusterAppsTable(props: ClusterAppsTableProps) {
  const { apps } = props;
  const columns: TableColumn<Row>[] = [
    {
      title: 'Health',
      field: 'health',
      width: '130px',
      render: a => <HealthStatus health={a.health} />,
    },
    {
      title: 'App',
      field: 'name',
      highlight: true,
      render: a => (
        <>
          {a.component ? (
            <Link to={componentSkipTabPath(a.component)}>
              <BreakableName name={a.name} />
            </Link>
          ) : (
            <BreakableName name={a.name} />
          )}
          {a.tag && (
            <Typography variant="caption" display="block" color="textSecondary">
              <BreakableName name={a.tag} />
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Namespace',
      field: 'namespace',
      render: a => <BreakableName name={a.namespace} />,
    },
    {
      title: 'Skiperator',
      field: 'status',
      render: a => (
        <>
          <span style={NO_WRAP}>{a.status}</span>
          <Typography variant="caption" display="block" color="textSecondary">
            {a.replicas.ready}/{a.replicas.desired} ready
          </Typography>
        </>
      ),
    },
    {
      title: 'Argo CD',
      render: a =>
        a.argo ? (
          <span style={NO_WRAP}>
            {a.argo.sync} · {a.argo.health}
          </span>
        ) : (
          <Typography variant="body2" color="textSecondary">
            not found
          </Typography>
        ),
    },
  ];
  return (
    <Table<Row>
      title="Apps"
      subtitle={`${apps.length} Skiperator ${
        apps.length === 1 ? 'app' : 'apps'
      }`}
      columns={columns}
      data={apps.map(a => ({ ...a, id: `${a.namespace}/${a.name}` }))}
      options={{
        paging: apps.length > 25,
        pageSize: 25,
        search: apps.length > 10,
        padding: 'dense',
        headerStyle: NO_WRAP,
      }}
      emptyContent={
        <Typography color="textSecondary" style={{ padding: 16 }}>
          No Skiperator apps on this cluster.
        </Typography>
      }
    />
  );
}
