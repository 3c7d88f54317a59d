import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import type {
  UpgradeRunState,
  UpgradeStepState,
} from '@internal/plugin-skip-common';

const WORDS: Record<UpgradeRunState | UpgradeStepState, string> = {
  pending: 'Not started',
  running: 'Running',
  waiting: 'Waiting',
  paused: 'Paused',
  succeeded: 'Succeeded',
  failed: 'Failed',
  skipped: 'Skipped',
  aborted: 'Aborted',
};

/** Props of {@link RunStateChip}. */
export type RunStateChipProps = { state: UpgradeRunState | UpgradeStepState };

/** The state of a run or a step: an icon and the word, so it does not rely on colour. */
export function RunStateChip(props: RunStateChipProps) {
  const words = WORDS[props.state] ?? props.state;
  switch (props.state) {
    case 'succeeded':
      return <StatusOK>{words}</StatusOK>;
    case 'failed':
      return <StatusError>{words}</StatusError>;
    case 'running':
      return <StatusRunning>{words}</StatusRunning>;
    case 'waiting':
    case 'paused':
      return <StatusWarning>{words}</StatusWarning>;
    case 'aborted':
    case 'skipped':
      return <StatusAborted>{words}</StatusAborted>;
    default:
      return <StatusPending>{words}</StatusPending>;
  }
}
