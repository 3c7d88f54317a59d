import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import {
  ArgoActionDecision,
  ArgoHistoryEntry,
} from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';
import { describeInitiator, shortRevision } from './argoText';
import { ReasonedButton } from './ReasonedButton';
import { RevisionLink } from './RevisionLink';

/** Props of {@link DeploymentHistory}. */
export type DeploymentHistoryProps = {
  /** Newest first; the first entry is what runs now. */
  history: ArgoHistoryEntry[];
  /** Whether the caller may roll back, and if not why (auto-sync on, not their team). */
  rollback: ArgoActionDecision;
  onRollback: (entry: ArgoHistoryEntry) => void;
};

const useStyles = makeStyles({
  nowrap: { whiteSpace: 'nowrap' },
  action: { whiteSpace: 'nowrap', textAlign: 'right' },
  // Read by screen readers, not shown: the buttons say what the column is.
  visuallyHidden: {
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
  },
});

/**
 * Argo CD's deployment history, newest first: which commit, when and by whom, with a
 * "Roll back" button on each earlier deployment that says why when it may not be used.
 */
export function DeploymentHistory(props: DeploymentHistoryProps) {
  const { history, rollback, onRollback } = props;
  const classes = useStyles();
  const current = history[0];
  return (
    <section aria-label="Deployment history">
      <Typography variant="overline" component="h4">
        Deployment history
      </Typography>
      {history.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          Argo CD has recorded no deployment of this app yet.
        </Typography>
      ) : (
        // A plain small table: ten rows at most, no search or paging needed.
        <Table size="small" aria-label="Deployments, newest first">
          <TableHead>
            <TableRow>
              <TableCell className={classes.nowrap}>ID</TableCell>
              <TableCell className={classes.nowrap}>Revision</TableCell>
              <TableCell className={classes.nowrap}>Deployed</TableCell>
              <TableCell className={classes.nowrap}>By</TableCell>
              <TableCell className={classes.action}>
                <span className={classes.visuallyHidden}>Action</span>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {history.map(entry => (
              <TableRow key={entry.id}>
                <TableCell className={classes.nowrap}>{entry.id}</TableCell>
                <TableCell>
                  <RevisionLink
                    revision={entry.revision}
                    url={entry.revisionUrl}
                  />
                </TableCell>
                <TableCell className={classes.nowrap}>
                  <Age time={entry.deployedAt} />
                </TableCell>
                <TableCell className={classes.nowrap}>
                  {describeInitiator(entry.initiatedBy)}
                </TableCell>
                <TableCell className={classes.action}>
                  {entry === current ? (
                    <Chip size="small" label="Current" />
                  ) : (
                    <ReasonedButton
                      decision={rollbackDecision(entry, current, rollback)}
                      hint={`Deploy ${shortRevision(entry.revision)} again`}
                      aria-label={`Roll back to ${shortRevision(
                        entry.revision,
                      )} (history entry ${entry.id})`}
                      onClick={() => onRollback(entry)}
                    >
                      Roll back
                    </ReasonedButton>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

// Rolling back to the commit that runs now would change nothing: say so rather than offer it.
function rollbackDecision(
  entry: ArgoHistoryEntry,
  current: ArgoHistoryEntry,
  rollback: ArgoActionDecision,
): ArgoActionDecision {
  if (!rollback.allowed) return rollback;
  if (entry.revision === current.revision) {
    return {
      allowed: false,
      reason: `${shortRevision(entry.revision)} is what runs now`,
    };
  }
  return rollback;
}
