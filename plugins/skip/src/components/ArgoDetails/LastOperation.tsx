import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  ArgoLastOperation,
  ArgoOperationPhase,
  ArgoResourceResult,
} from '@internal/plugin-skip-common';
import { Age, BreakableName } from '@internal/plugin-skip-react';
import { StatusLabel } from '../AppsTable/AppStatus';
import { describeInitiator } from './argoText';
import { RevisionLink } from './RevisionLink';

/** Props of {@link LastOperation}. */
export type LastOperationProps = { operation?: ArgoLastOperation };

const useStyles = makeStyles(theme => ({
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1.5),
  },
  nowrap: { whiteSpace: 'nowrap' },
  message: { marginTop: theme.spacing(0.5) },
  table: { marginTop: theme.spacing(1) },
}));

const PHASE_TONES: Record<
  ArgoOperationPhase,
  'ok' | 'pending' | 'error' | 'warning'
> = {
  Succeeded: 'ok',
  Running: 'pending',
  Failed: 'error',
  Error: 'error',
  Terminating: 'warning',
};

/**
 * Argo CD's last operation on the app: how it ended, who started it and when, what it
 * deployed and with which options, and what it did to each resource.
 */
export function LastOperation(props: LastOperationProps) {
  const { operation } = props;
  const classes = useStyles();
  return (
    <section aria-label="Last operation">
      <Typography variant="overline" component="h4">
        Last operation
      </Typography>
      {operation ? (
        <>
          <Typography variant="body2" component="div" className={classes.line}>
            <StatusLabel tone={PHASE_TONES[operation.phase]}>
              {operation.phase}
            </StatusLabel>
            <span className={classes.nowrap}>
              by {describeInitiator(operation.initiatedBy)}
            </span>
            <span className={classes.nowrap}>
              <Age time={operation.finishedAt ?? operation.startedAt} />
            </span>
            {operation.revision && (
              <span className={classes.nowrap}>
                revision{' '}
                <RevisionLink
                  revision={operation.revision}
                  url={operation.revisionUrl}
                />
              </span>
            )}
            {operation.dryRun && <Chip size="small" label="Dry run" />}
            {operation.prune && <Chip size="small" label="Prune" />}
            {operation.selectedResources.length > 0 && (
              <Chip
                size="small"
                label={`${operation.selectedResources.length} selected ${
                  operation.selectedResources.length === 1
                    ? 'resource'
                    : 'resources'
                }`}
              />
            )}
          </Typography>
          {operation.message && (
            <Typography
              variant="body2"
              color="textSecondary"
              className={classes.message}
            >
              {operation.message}
            </Typography>
          )}
          {operation.results.length > 0 && (
            <ResultsTable results={operation.results} />
          )}
        </>
      ) : (
        <Typography variant="body2" color="textSecondary">
          Argo CD has not run an operation on this app yet.
        </Typography>
      )}
    </section>
  );
}

// A plain small table: a few rows inside an expanded row need no search, paging or toolbar.
function ResultsTable(props: { results: ArgoResourceResult[] }) {
  const classes = useStyles();
  return (
    <Table
      size="small"
      aria-label="Result per resource"
      className={classes.table}
    >
      <TableHead>
        <TableRow>
          <TableCell className={classes.nowrap}>Kind</TableCell>
          <TableCell>Name</TableCell>
          <TableCell className={classes.nowrap}>Status</TableCell>
          <TableCell>Message</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.results.map(result => (
          <TableRow
            key={`${result.group}/${result.kind}/${result.namespace}/${result.name}`}
          >
            <TableCell className={classes.nowrap}>{result.kind}</TableCell>
            <TableCell>
              <BreakableName name={result.name} />
            </TableCell>
            <TableCell>
              {result.status ? (
                <StatusLabel tone={resultTone(result.status)}>
                  {result.status}
                </StatusLabel>
              ) : (
                '–'
              )}
            </TableCell>
            <TableCell>
              {/* Messages name resources ("application.skiperator.kartverket.no/api configured"). */}
              <BreakableName name={result.message ?? ''} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// Argo CD's result codes: Synced, SyncFailed, Pruned, PruneSkipped.
function resultTone(status: string): 'ok' | 'error' | 'warning' {
  if (/fail/i.test(status)) return 'error';
  if (status === 'Synced' || status === 'Pruned') return 'ok';
  return 'warning';
}
