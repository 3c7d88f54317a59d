import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Skeleton from '@material-ui/lab/Skeleton';

/** Props of {@link SkeletonRows}. */
export type SkeletonRowsProps = {
  /** What is loading, for screen readers: "Loading the apps". */
  label: string;
  /** How many placeholder rows; about as many as the answer usually has. */
  rows?: number;
  /** How many placeholder columns. */
  columns?: number;
};

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    gap: theme.spacing(3),
    alignItems: 'center',
    padding: theme.spacing(1.5, 2),
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  cell: { flex: 1 },
}));

// Cells of slightly different lengths read as text to come, not as a broken table.
const CELL_WIDTHS = ['80%', '60%', '90%', '45%', '70%', '55%'];

/**
 * The shape of a table while its first answer is on the way: the page does not jump when
 * the rows arrive, and a screen reader hears that something is loading.
 */
export function SkeletonRows(props: SkeletonRowsProps) {
  const { label, rows = 3, columns = 5 } = props;
  const classes = useStyles();
  const cells = Array.from({ length: columns }, (_, i) => i);
  return (
    <Box role="progressbar" aria-label={label} aria-busy="true">
      <Skeleton variant="rect" height={36} />
      {Array.from({ length: rows }, (_, row) => (
        <div key={row} className={classes.row} data-testid="skeleton-row">
          {cells.map(cell => (
            <div key={cell} className={classes.cell}>
              <Skeleton
                variant="text"
                width={CELL_WIDTHS[(row + cell) % CELL_WIDTHS.length]}
              />
            </div>
          ))}
        </div>
      ))}
    </Box>
  );
}
