import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import {
  ENVIRONMENTS,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { useMemo } from 'react';
import {
  FailingResource,
  failingResources,
  imageWithTag,
} from '../../lib/failingResources';
import { Age } from '@internal/plugin-skip-react';
import { ArgoActions } from '../ArgoActions';
import { AppHealth, ArgoSyncHealth } from './AppStatus';

/** Props of {@link AppsTable}. */
export type AppsTableProps = {
  apps: SkiperatorAppSummary[];
  /** Opens the drill-down of a failing resource. */
  onOpenResource: (
    resource: FailingResource,
    app: SkiperatorAppSummary,
  ) => void;
};

type AppRow = SkiperatorAppSummary & {
  id: string;
  failing: FailingResource[];
};

const PAGE_SIZE = 20;

/**
 * Apps on every cluster, one table per environment in promotion order, paged so
 * thousands of rows stay fast. Failing resources are one click from the drill-down.
 */
export function AppsTable(props: AppsTableProps) {
  const { apps, onOpenResource } = props;

  const byEnvironment = useMemo(() => {
    const rows: AppRow[] = apps.map(app => ({
      ...app,
      id: `${app.cluster}/${app.namespace}/${app.name}`,
      failing: failingResources(app),
    }));
    rows.sort((a, b) => a.id.localeCompare(b.id));
    return ENVIRONMENTS.map(environment => ({
      environment,
      rows: rows.filter(r => r.environment === environment),
    })).filter(group => group.rows.length > 0);
  }, [apps]);

  // Stable columns keep the table's page and sort across polls.
  const columns = useMemo(
    () =>
      appColumns({
        onOpenResource,
      }),
    [onOpenResource],
  );

  return (
    <>
      {byEnvironment.map(({ environment, rows }) => (
        <Box key={environment} mb={3}>
          <Table<AppRow>
            title={environment}
            subtitle={`${rows.length} ${rows.length === 1 ? 'app' : 'apps'}`}
            columns={columns}
            data={rows}
            options={{
              paging: rows.length > PAGE_SIZE,
              pageSize: PAGE_SIZE,
              pageSizeOptions: [20, 50, 100],
              padding: 'dense',
            }}
          />
        </Box>
      ))}
    </>
  );
}

function appColumns(options: {
  onOpenResource: AppsTableProps['onOpenResource'];
}): TableColumn<AppRow>[] {
  const { onOpenResource } = options;
  return [
    {
      title: 'Health',
      field: 'health',
      render: row => (
        <>
          <AppHealth health={row.health} />
          <Typography variant="caption" display="block" color="textSecondary">
            Skiperator: {row.summary.status}
          </Typography>
        </>
      ),
    },
    {
      title: 'Cluster',
      field: 'cluster',
      render: row => (
        <>
          <Typography variant="body2">{row.cluster}</Typography>
          <Typography variant="caption" display="block" color="textSecondary">
            {row.namespace}
          </Typography>
        </>
      ),
    },
    {
      title: 'App',
      field: 'name',
      customFilterAndSearch: (term, row) =>
        `${row.name} ${imageWithTag(row)}`.includes(term),
      render: row => (
        <>
          <Typography variant="body2">
            <strong>{row.name}</strong>
          </Typography>
          <Typography
            variant="caption"
            display="block"
            color="textSecondary"
            style={{ wordBreak: 'break-all' }}
          >
            {imageWithTag(row)}
          </Typography>
        </>
      ),
    },
    {
      title: 'Replicas',
      render: row => `${row.replicas.ready}/${row.replicas.desired}`,
    },
    {
      title: 'Argo CD',
      render: row => <ArgoCell argo={row.argo} />,
    },
    {
      title: 'Problems',
      render: row => (
        <Problems
          row={row}
          onOpen={resource => onOpenResource(resource, row)}
        />
      ),
    },
    {
      title: 'Actions',
      render: row =>
        row.argo ? (
          <ArgoActions
            argo={row.argo}
            cluster={row.argo.destination.cluster ?? row.cluster}
            namespace={row.argo.destination.namespace ?? row.namespace}
            environment={row.environment}
          />
        ) : undefined,
    },
  ];
}

function ArgoCell(props: { argo?: SkiperatorAppSummary['argo'] }) {
  const { argo } = props;
  if (!argo) return <>Not in Argo CD</>;
  const revision = argo.sync.revision;
  const operation = argo.operation;
  return (
    <>
      <ArgoSyncHealth argo={argo} />
      <Typography variant="caption" display="block" color="textSecondary">
        {revision && (
          <Tooltip title={revision}>
            <code>{revision.slice(0, 7)}</code>
          </Tooltip>
        )}
        {operation && (
          <>
            {revision ? ' · ' : ''}
            {operation.phase}{' '}
            <Age
              time={operation.finishedAt ?? operation.startedAt}
              fallback=""
            />
          </>
        )}
      </Typography>
      {operation?.message && operation.phase !== 'Succeeded' && (
        <Typography variant="caption" display="block" color="error">
          {operation.message}
        </Typography>
      )}
    </>
  );
}

function Problems(props: {
  row: AppRow;
  onOpen: (resource: FailingResource) => void;
}) {
  const { row, onOpen } = props;
  if (row.failing.length === 0) {
    if (row.health === 'Healthy') return <>–</>;
    return (
      <Typography variant="body2">
        {row.summary.message ?? row.argo?.health.message ?? row.health}
      </Typography>
    );
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={4}>
      {row.failing.map(resource => (
        <div key={`${resource.kind}/${resource.name}`}>
          <Link
            component="button"
            variant="body2"
            color="error"
            onClick={() => onOpen(resource)}
          >
            {resource.kind} {resource.name}
          </Link>
          {resource.message && (
            <Typography variant="caption" display="block">
              {resource.message}
            </Typography>
          )}
        </div>
      ))}
    </Box>
  );
}
