import Link from '@material-ui/core/Link';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { BreakableName } from '@internal/plugin-skip-react';
import { healthTone, StatusLabel } from '../AppsTable/AppStatus';
import { syncWords, TreeRow } from './treeRows';

/** Props of {@link ResourceTreeRow}. */
export type ResourceTreeRowProps = {
  row: TreeRow;
  /** Opens the object's drill-down. */
  onOpen: (row: TreeRow) => void;
};

/** Each level of the tree is indented this many theme spacing units. */
const INDENT = 2.5;

/** The resource column shrinks; health and sync keep widths their longest words fit. */
export const TREE_COLUMNS = 'minmax(0, 1fr) 8.5rem 10.5rem';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'grid',
    gridTemplateColumns: TREE_COLUMNS,
    columnGap: theme.spacing(2),
    alignItems: 'baseline',
    padding: theme.spacing(0.5, 1),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:hover': { backgroundColor: theme.palette.action.hover },
  },
  resource: { display: 'flex', minWidth: 0 },
  // An elbow from the owner above: the tree reads without counting indents.
  elbow: {
    flex: 'none',
    alignSelf: 'flex-start',
    width: theme.spacing(1.5),
    height: '0.8em',
    marginRight: theme.spacing(0.75),
    borderLeft: `1px solid ${theme.palette.text.disabled}`,
    borderBottom: `1px solid ${theme.palette.text.disabled}`,
  },
  text: { minWidth: 0 },
  kind: { whiteSpace: 'nowrap', color: theme.palette.text.secondary },
  // Status labels are body1; in a compact list they would shout.
  status: { '& .MuiTypography-root': theme.typography.body2 },
}));

/**
 * One object of the tree: kind and name (which open its drill-down), its health, Argo CD's
 * sync status where Argo CD tracks it, and why it is not healthy, in one line.
 */
export function ResourceTreeRow(props: ResourceTreeRowProps) {
  const { row, onOpen } = props;
  const classes = useStyles();
  const { tone, word } = healthTone(row.health);
  const sync = syncWords(row.sync);
  return (
    <li className={classes.row} data-depth={row.depth}>
      <div
        className={classes.resource}
        style={{ paddingLeft: `${Math.max(0, row.depth - 1) * INDENT * 8}px` }}
      >
        {row.depth > 0 && <span className={classes.elbow} aria-hidden />}
        <div className={classes.text}>
          <Link
            component="button"
            variant="body2"
            align="left"
            color={row.health === 'Degraded' ? 'error' : 'primary'}
            onClick={() => onOpen(row)}
          >
            <span className={classes.kind}>{row.kind}</span>{' '}
            <BreakableName name={row.name} />
          </Link>
          {row.reason && (
            <Typography
              variant="caption"
              display="block"
              color={row.health === 'Degraded' ? 'error' : 'textSecondary'}
            >
              {row.reason}
            </Typography>
          )}
        </div>
      </div>
      <span className={classes.status}>
        <StatusLabel tone={tone}>{word}</StatusLabel>
      </span>
      <span className={classes.status}>
        {sync && <StatusLabel tone={sync.tone}>{sync.word}</StatusLabel>}
      </span>
    </li>
  );
}
