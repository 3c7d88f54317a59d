import { TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Link from '@material-ui/core/Link';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import ChevronRight from '@material-ui/icons/ChevronRight';
import ExpandMore from '@material-ui/icons/ExpandMore';
import {
  environmentRank,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { Age, BreakableName } from '@internal/plugin-skip-react';
import { FailingResource, imageWithTag } from '../../lib/failingResources';
import { ArgoActions } from '../ArgoActions';
import { AppHealth, ArgoSyncHealth } from './AppStatus';
import { notHealthyReason } from './notHealthyReason';

/** One row of the apps table: an app on one cluster. */
export type AppRow = SkiperatorAppSummary & {
  id: string;
  failing: FailingResource[];
  /** Whether its detail row is open. */
  expanded: boolean;
};

/** What the columns do when clicked; stable, so the table keeps its page and sort. */
export type AppColumnsOptions = {
  onOpenResource: (
    resource: FailingResource,
    app: SkiperatorAppSummary,
  ) => void;
  /** Opens or closes a row's details; undefined when rows have none. */
  onToggle?: (id: string) => void;
};

/** The columns of the apps table, narrowest first where they can be. */
export function appColumns(options: AppColumnsOptions): TableColumn<AppRow>[] {
  const { onOpenResource, onToggle } = options;
  return [
    {
      title: 'Environment',
      field: 'environment',
      customSort: (a, b) =>
        environmentRank(a.environment) - environmentRank(b.environment) ||
        a.id.localeCompare(b.id),
      render: row => <EnvironmentCell row={row} onToggle={onToggle} />,
    },
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
      title: 'App',
      field: 'name',
      customFilterAndSearch: (term, row) =>
        `${row.cluster} ${row.namespace} ${row.name} ${imageWithTag(
          row,
        )}`.includes(term),
      render: row => (
        <>
          <Typography variant="body2">
            <strong>
              <BreakableName name={row.name} />
            </strong>
          </Typography>
          <Typography variant="caption" display="block" color="textSecondary">
            <BreakableName name={imageWithTag(row)} />
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

function EnvironmentCell(props: {
  row: AppRow;
  onToggle?: (id: string) => void;
}) {
  const { row, onToggle } = props;
  return (
    <Box display="flex" alignItems="flex-start" gridGap={4}>
      {onToggle && (
        <IconButton
          size="small"
          aria-expanded={row.expanded}
          aria-label={`Details of ${row.name} on ${row.cluster}`}
          onClick={() => onToggle(row.id)}
          style={{ marginLeft: -8 }}
        >
          {row.expanded ? <ExpandMore /> : <ChevronRight />}
        </IconButton>
      )}
      <div>
        <Typography variant="body2" style={{ fontWeight: 600 }}>
          {row.environment}
        </Typography>
        <Typography variant="caption" display="block">
          <BreakableName name={row.cluster} />
        </Typography>
        <Typography variant="caption" display="block" color="textSecondary">
          <BreakableName name={row.namespace} />
        </Typography>
      </div>
    </Box>
  );
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
    return <Typography variant="body2">{notHealthyReason(row)}</Typography>;
  }
  return (
    <Box display="flex" flexDirection="column" gridGap={4}>
      {row.failing.map(resource => (
        <div key={`${resource.kind}/${resource.name}`}>
          <Link
            component="button"
            variant="body2"
            color="error"
            align="left"
            onClick={() => onOpen(resource)}
          >
            {resource.kind} <BreakableName name={resource.name} />
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
