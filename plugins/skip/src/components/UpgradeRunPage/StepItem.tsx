import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import type { UpgradeRun, UpgradeRunStep } from '@internal/plugin-skip-common';
import { Age, useNow } from '@internal/plugin-skip-react';
import { formatDuration } from '../UpgradesPage/formatDuration';
import { RunStateChip } from '../UpgradesPage/RunStateChip';
import { StepCommand } from '../UpgradesPage/StepCommand';
import { RightButton } from './RightButton';
import { StepOutputPanel } from './StepOutputPanel';
import type { RunAction } from './useRunActions';

/** Props of {@link StepItem}. */
export type StepItemProps = {
  run: UpgradeRun;
  step: UpgradeRunStep;
  selected: boolean;
  onSelect: () => void;
  actions: RunAction;
};

function elapsedSeconds(step: UpgradeRunStep, now: number) {
  if (!step.startedAt) return undefined;
  const end = step.finishedAt ? Date.parse(step.finishedAt) : now;
  return (end - Date.parse(step.startedAt)) / 1000;
}

/**
 * One step of a run: its state, what it does (the command), how long it took or has been
 * running against how long it usually takes, why it failed or what it waits for, who
 * approved or skipped it, and the buttons that fit (Approve, Retry step); it opens its output.
 */
export function StepItem(props: StepItemProps) {
  const { run, step, selected, actions } = props;
  const now = useNow(1000);
  const elapsed = elapsedSeconds(step, now);
  const waitingApproval = step.kind === 'approval' && step.state === 'waiting';
  const retryable =
    step.state === 'failed' &&
    run.state !== 'aborted' &&
    run.state !== 'succeeded';
  return (
    <Box
      component="li"
      py={1}
      borderBottom={1}
      borderColor="divider"
      aria-label={step.title}
      aria-current={selected ? 'step' : undefined}
    >
      <Box display="flex" alignItems="baseline" flexWrap="wrap" gridGap={8}>
        <RunStateChip state={step.state} />
        <Typography variant="subtitle2" component="span">
          {step.title}
        </Typography>
        <Chip size="small" variant="outlined" label={step.kind} />
        {step.cluster && (
          <Typography variant="body2" component="span" color="textSecondary">
            on {step.cluster}
          </Typography>
        )}
      </Box>
      <StepCommand display={step.display} />
      <Typography variant="body2" color="textSecondary">
        {timingOf(step, elapsed)}
      </Typography>
      {step.message && (
        <Typography
          variant="body2"
          color={step.state === 'failed' ? 'error' : 'textPrimary'}
        >
          {step.message}
        </Typography>
      )}
      {step.waitingUntil && step.state === 'waiting' && (
        <Typography variant="body2">
          Waits until{' '}
          <time dateTime={step.waitingUntil}>
            {new Date(step.waitingUntil).toLocaleString()}
          </time>
        </Typography>
      )}
      {step.approvedBy && (
        <Typography variant="body2">Approved by {step.approvedBy}</Typography>
      )}
      {step.skippedBy && (
        <Typography variant="body2">Skipped by {step.skippedBy}</Typography>
      )}
      {step.why && (
        <Typography variant="caption" display="block" color="textSecondary">
          Why: {step.why}
        </Typography>
      )}
      {step.finishedAt && (
        <Typography variant="caption" display="block" color="textSecondary">
          Ended <Age time={step.finishedAt} />
        </Typography>
      )}
      <Box mt={0.5} display="flex" flexWrap="wrap" alignItems="flex-start">
        {waitingApproval && (
          <RightButton
            right={run.viewer.approve}
            busy={actions.busy}
            variant="contained"
            onClick={() =>
              actions.run(`approve "${step.title}"`, api =>
                api.approveStep(run.id, step.key),
              )
            }
          >
            Approve
          </RightButton>
        )}
        {retryable && (
          <RightButton
            right={run.viewer.operate}
            busy={actions.busy}
            onClick={() =>
              actions.run(`retry "${step.title}"`, api =>
                api.retryStep(run.id, step.key),
              )
            }
          >
            Retry step
          </RightButton>
        )}
        {(step.command || step.state !== 'pending') && (
          <Button
            size="small"
            onClick={props.onSelect}
            aria-expanded={selected}
            aria-label={`${selected ? 'Hide' : 'Show'} output of ${step.title}`}
          >
            {selected ? 'Hide output' : 'Show output'}
          </Button>
        )}
      </Box>
      {selected && <StepOutputPanel runId={run.id} step={step} />}
    </Box>
  );
}

/** "Took 3 s · usually ~15 min · attempt 2 · exit code 1", leaving out what says nothing (a gate's ~0 s). */
function timingOf(step: UpgradeRunStep, elapsed: number | undefined): string {
  const parts: string[] = [];
  if (elapsed !== undefined) {
    parts.push(
      `${step.state === 'running' ? 'Running for' : 'Took'} ${formatDuration(
        elapsed,
      )}`,
    );
  }
  if (step.expectedSeconds > 0)
    parts.push(`usually ~${formatDuration(step.expectedSeconds)}`);
  if (step.attempts > 1) parts.push(`attempt ${step.attempts}`);
  if (step.attempts === 1 && step.state !== 'pending') parts.push('1 attempt');
  if (step.exitCode !== undefined && step.exitCode !== 0)
    parts.push(`exit code ${step.exitCode}`);
  return parts.join(' · ');
}
