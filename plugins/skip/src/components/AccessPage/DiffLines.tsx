import { makeStyles } from '@material-ui/core/styles';
import type { AccessDiffLine } from '@internal/plugin-skip-common';

const useStyles = makeStyles(theme => ({
  diff: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    margin: theme.spacing(0.5, 0, 0),
    padding: theme.spacing(1),
    background: theme.palette.background.default,
    overflowX: 'auto',
  },
  added: { color: theme.palette.success.main },
  removed: { color: theme.palette.error.main },
}));

/** A binding's diff as `kubectl diff` would show it: +, - and unchanged lines, coloured and prefixed. */
export function DiffLines(props: { lines: AccessDiffLine[]; label: string }) {
  const classes = useStyles();
  const classOf = (op: AccessDiffLine['op']) => {
    if (op === '+') return classes.added;
    if (op === '-') return classes.removed;
    return undefined;
  };
  return (
    <pre className={classes.diff} aria-label={props.label}>
      {props.lines.map((line, i) => (
        <div key={i} className={classOf(line.op)}>
          {line.op} {line.text}
        </div>
      ))}
    </pre>
  );
}
