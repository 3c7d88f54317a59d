import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import {
  ENVIRONMENTS,
  FleetChangeSignal,
  NamespacesResponse,
  NamespaceSummary,
} from '@internal/plugin-skip-common';
import {
  Age,
  AsyncContent,
  BreakableName,
  Freshness,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';

/** Props of {@link NamespacesTable}. */
export type NamespacesTableProps = {
  /** The team's group entity ref. */
  team: string;
};

type NamespaceRow = NamespaceSummary & { id: string };

const columns: TableColumn<NamespaceRow>[] = [
  {
    title: 'Environment',
    field: 'environment',
    customSort: (a, b) =>
      rankOf(a.environment) - rankOf(b.environment) || a.id.localeCompare(b.id),
  },
  {
    title: 'Cluster',
    field: 'cluster',
    render: n => <BreakableName name={n.cluster} />,
  },
  {
    title: 'Namespace',
    field: 'name',
    highlight: true,
    render: n => <BreakableName name={n.name} />,
  },
  { title: 'Apps', field: 'apps', type: 'numeric' },
  { title: 'Created', render: n => <Age time={n.createdAt} /> },
];

/** A team's namespaces on every cluster, in promotion order. */
export function NamespacesTable(props: NamespacesTableProps) {
  const api = useApi(skipFleetApiRef);
  const state = useFleetData(
    () => api.getNamespaces({ team: props.team }),
    [api, props.team],
    { refetchOn: namesAppInShownNamespace },
  );
  return (
    <AsyncContent
      state={state}
      what="the namespaces"
      isEmpty={value => value.items.length === 0}
      empty={{
        title: 'The team has no namespaces',
        description:
          "No cluster has a namespace that the team's namespace ownership rules give to this team.",
      }}
    >
      {value => (
        <>
          <Box mb={1}>
            <Freshness generatedAt={value.generatedAt} error={state.error} />
          </Box>
          <NamespaceRows namespaces={value.items} />
        </>
      )}
    </AsyncContent>
  );
}

// The app count is what changes here: an app in one of the team's namespaces came or went.
function namesAppInShownNamespace(
  signal: FleetChangeSignal,
  shown: NamespacesResponse | undefined,
): boolean {
  const prefixes = (shown?.items ?? []).map(n => `${n.cluster}/${n.name}/`);
  return signal.apps.some(app => prefixes.some(p => app.startsWith(p)));
}

function NamespaceRows(props: { namespaces: NamespaceSummary[] }) {
  const rows: NamespaceRow[] = props.namespaces
    .map(n => ({ ...n, id: `${n.cluster}/${n.name}` }))
    .sort(
      (a, b) =>
        rankOf(a.environment) - rankOf(b.environment) ||
        a.id.localeCompare(b.id),
    );
  return (
    <Table
      title="Namespaces"
      subtitle={`${rows.length} across the fleet`}
      columns={columns}
      data={rows}
      options={{
        paging: rows.length > 20,
        pageSize: 20,
        padding: 'dense',
        headerStyle: { whiteSpace: 'nowrap' },
      }}
    />
  );
}

function rankOf(environment: string): number {
  const index = (ENVIRONMENTS as readonly string[]).indexOf(environment);
  return index === -1 ? ENVIRONMENTS.length : index;
}
