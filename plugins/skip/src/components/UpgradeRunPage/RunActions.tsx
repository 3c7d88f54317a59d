import Box from '@material-ui/core/Box';
import { isUpgradeRunEnded, UpgradeRun } from '@internal/plugin-skip-common';
import { useState } from 'react';
import { ReasonDialog } from './ReasonDialog';
import { RightButton } from './RightButton';
import type { RunAction } from './useRunActions';

/** Props of {@link RunActions}. */
export type RunActionsProps = { run: UpgradeRun; actions: RunAction };

/** Pause, Resume and Abort of a run that has not ended, as far as the caller may. */
export function RunActions(props: RunActionsProps) {
  const { run, actions } = props;
  const [aborting, setAborting] = useState(false);
  if (isUpgradeRunEnded(run.state)) return null;
  const { viewer } = run;
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-start"
      role="group"
      aria-label="Run actions"
    >
      {run.state === 'paused' ? (
        <RightButton
          right={viewer.operate}
          busy={actions.busy}
          onClick={() =>
            actions.run('resume the run', api => api.resumeRun(run.id))
          }
        >
          Resume
        </RightButton>
      ) : null}
      {/* A failed run waits for a retry (on its step) or an abort; there is nothing to pause. */}
      {run.state === 'running' || run.state === 'waiting' ? (
        <RightButton
          right={viewer.operate}
          busy={actions.busy}
          onClick={() =>
            actions.run('pause the run', api => api.pauseRun(run.id))
          }
        >
          Pause
        </RightButton>
      ) : null}
      <RightButton
        right={viewer.abort}
        busy={actions.busy}
        color="secondary"
        onClick={() => setAborting(true)}
      >
        Abort run
      </RightButton>
      <ReasonDialog
        open={aborting}
        title={`Abort run ${run.id}?`}
        description="The run stops for good. A command that is running now is interrupted; clusters keep whatever release they reached. A new run has to be planned to go on."
        confirmLabel="Abort run"
        minLength={0}
        onClose={() => setAborting(false)}
        onConfirm={reason => {
          setAborting(false);
          actions.run('abort the run', api =>
            api.abortRun(run.id, reason || undefined),
          );
        }}
      />
    </Box>
  );
}
