import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import Alert from '@material-ui/lab/Alert';
import type { UpgradeRunStep } from '@internal/plugin-skip-common';
import { describeError } from '@internal/plugin-skip-react';
import { Fragment, useEffect, useRef } from 'react';
import { useStepOutput } from './useStepOutput';

/** Props of {@link StepOutputPanel}. */
export type StepOutputPanelProps = { runId: string; step: UpgradeRunStep };

const useStyles = makeStyles(theme => ({
  log: {
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    background: theme.palette.type === 'dark' ? '#111' : '#1e1e1e',
    color: '#e0e0e0',
    padding: theme.spacing(1),
    maxHeight: 400,
    overflow: 'auto',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    margin: 0,
  },
  stderr: { color: '#ff8a80' },
  portal: { color: '#80d8ff', fontStyle: 'italic' },
  attempt: { color: '#9e9e9e' },
  tag: { userSelect: 'none', opacity: 0.8 },
}));

/**
 * What a step printed, following it live while it runs and staying at the bottom unless
 * the reader scrolled up. Error output is marked "err", the portal's own notes "portal".
 */
export function StepOutputPanel(props: StepOutputPanelProps) {
  const { runId, step } = props;
  const classes = useStyles();
  const { lines, done, error } = useStepOutput(
    runId,
    step.key,
    step.state === 'running',
  );
  const streamClass: Record<string, string | undefined> = {
    stderr: classes.stderr,
    portal: classes.portal,
  };
  const box = useRef<HTMLPreElement>(null);
  const atBottom = useRef(true);

  useEffect(() => {
    const el = box.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lines.length]);

  return (
    <Box mt={1} component="section" aria-label={`Output of ${step.title}`}>
      <Typography variant="subtitle2" component="h4">
        Output of {step.title}
        {step.state === 'running' && !done ? ' (live)' : ''}
      </Typography>
      {error && (
        <Alert severity="warning">
          Could not read the output: {describeError(error)}
        </Alert>
      )}
      <pre
        ref={box}
        className={classes.log}
        role="log"
        aria-label={`Output lines of ${step.title}`}
        onScroll={e => {
          const el = e.currentTarget;
          atBottom.current =
            el.scrollHeight - el.scrollTop - el.clientHeight < 24;
        }}
      >
        {lines.length === 0 &&
          (step.state === 'pending'
            ? 'This step has not started yet.'
            : 'No output yet.')}
        {lines.map((l, i) => (
          <Fragment key={`${l.attempt}-${l.seq}`}>
            {step.attempts > 1 &&
              (i === 0 || lines[i - 1].attempt !== l.attempt) && (
                <div className={classes.attempt}>— attempt {l.attempt} —</div>
              )}
            <div data-stream={l.stream} className={streamClass[l.stream]}>
              {l.stream !== 'stdout' && (
                <span className={classes.tag}>
                  {l.stream === 'stderr' ? 'err ' : 'portal '}
                </span>
              )}
              {l.line}
            </div>
          </Fragment>
        ))}
      </pre>
    </Box>
  );
}
