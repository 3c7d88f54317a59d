import { makeStyles } from '@material-ui/core/styles';
import { useEffect, useRef } from 'react';

const useStyles = makeStyles(theme => ({
  log: {
    margin: 0,
    padding: theme.spacing(1, 1.5),
    maxHeight: 360,
    overflow: 'auto',
    fontFamily: 'monospace',
    fontSize: 12,
    lineHeight: 1.5,
    // Long lines wrap (anywhere, as a stack trace or JSON has no spaces to break at).
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    background: theme.palette.type === 'dark' ? '#1e1e1e' : '#f5f5f5',
    color: theme.palette.text.primary,
    borderRadius: theme.shape.borderRadius,
  },
}));

/** Props of {@link LogText}. */
export type LogTextProps = {
  text: string;
  /** Keeps the newest line in view while new text arrives. */
  stickToEnd: boolean;
};

/** A log as wrapped monospace text. */
export function LogText(props: LogTextProps) {
  const { text, stickToEnd } = props;
  const classes = useStyles();
  const ref = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (stickToEnd && element) element.scrollTop = element.scrollHeight;
  }, [text, stickToEnd]);
  return (
    <pre ref={ref} className={classes.log} data-testid="skip-pod-log">
      {text || '(the log is empty)'}
    </pre>
  );
}
