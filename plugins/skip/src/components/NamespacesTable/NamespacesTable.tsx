import {
  ErrorPanel,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { ENVIRONMENTS, NamespaceSummary } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '../../api/SkipFleetApi';
import { usePolling } from '../../hooks/usePolling';
import { Age } from '../Age';
import { Freshness } from '../Freshness';

/** Props of {@link NamespacesTable}. */
export type NamespacesTableProps = {
  /** The team's group entity ref. */
  team: string;
};

type NamespaceRow = NamespaceSummary & { id: string };

const columns: TableColumn<NamespaceRow>[] = [
  { title: 'Environment', field: 'environment' },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Namespace', field: 'name', highlight: true },
  { title: 'Apps', field: 'apps', type: 'numeric' },
  { title: 'Created', render: n => <Age time={n.createdAt} /> },
];

/** A team's namespaces on every cluster, in promotion order. */
export function NamespacesTable(props: NamespacesTableProps) {
  const api = useApi(skipFleetApiRef);
  const { value, error, loading } = usePolling(
    () => api.getNamespaces({ team: props.team }),
    [api, props.team],
  );
  if (loading) return <Progress />;
  if (!value) {
    return (
      <ErrorPanel
        title="Could not load the namespaces"
        error={error ?? new Error('No answer')}
      />
    );
  }
  const rows: NamespaceRow[] = value.items
    .map(n => ({ ...n, id: `${n.cluster}/${n.name}` }))
    .sort(
      (a, b) =>
        rankOf(a.environment) - rankOf(b.environment) ||
        a.id.localeCompare(b.id),
    );
  return (
    <>
      <Box mb={1}>
        <Freshness generatedAt={value.generatedAt} error={error} />
      </Box>
      <Table
        title="Namespaces"
        subtitle={`${rows.length} across the fleet`}
        columns={columns}
        data={rows}
        options={{
          paging: rows.length > 20,
          pageSize: 20,
          padding: 'dense',
        }}
        emptyContent={
          <div style={{ padding: 16 }}>The team has no namespaces.</div>
        }
      />
    </>
  );
}

function rankOf(environment: string): number {
  const index = (ENVIRONMENTS as readonly string[]).indexOf(environment);
  return index === -1 ? ENVIRONMENTS.length : index;
}
