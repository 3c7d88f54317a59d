import { Content, ContentHeader, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Alert from '@material-ui/lab/Alert';
import { isUpgradeRunEnded, UpgradeRun } from '@internal/plugin-skip-common';
import { AsyncContent, skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { useUpgradesData } from '../UpgradesPage/useUpgradesData';
import { RunActions } from './RunActions';
import { RunDrift } from './RunDrift';
import { RunEvents } from './RunEvents';
import { RunHeader } from './RunHeader';
import { StageLadder } from './StageLadder';
import { useRunActions } from './useRunActions';

/** Props of {@link UpgradeRunPage}; the run comes from the route (`upgrades/runs/:runId`) unless given. */
export type UpgradeRunPageProps = { runId?: string };

/** How often a run that has not ended is asked for when no signal comes. */
export const RUN_POLL_MS = 2000;

/**
 * One upgrade run, live: what it does and where it stands, the stage ladder with every
 * step, the output of the step picked (the running one until another is picked), the
 * actions the caller may take, drift from the plan, and who did what.
 */
export function UpgradeRunPage(props: UpgradeRunPageProps) {
  const params = useParams();
  const runId = props.runId ?? params.runId ?? '';
  const api = useApi(skipUpgradesApiRef);
  const state = useUpgradesData<UpgradeRun>(
    () => api.getRun(runId),
    [api, runId],
    {
      refetchOn: signal => signal.runId === runId,
      pollMs: run =>
        run && isUpgradeRunEnded(run.state) ? undefined : RUN_POLL_MS,
    },
  );
  const actions = useRunActions(state.replace);
  // Undefined follows the running step; a pick (or "none") sticks.
  const [picked, setPicked] = useState<{ key?: string }>();
  const running = state.value?.steps.find(s => s.state === 'running');
  const selectedStep = picked ? picked.key : running?.key;

  return (
    <Content>
      <ContentHeader title={`Upgrade run ${runId}`} />
      <Box mb={2}>
        {/* The run page is at upgrades/runs/<id> under the SKIP page. */}
        <Link to="../.." relative="path">
          ← Cluster upgrades
        </Link>
      </Box>
      <AsyncContent state={state} what={`upgrade run ${runId}`} loadingRows={8}>
        {run => (
          <>
            <Box mb={2}>
              <RunHeader
                run={run}
                actions={<RunActions run={run} actions={actions} />}
              />
            </Box>
            {actions.error && (
              <Box mb={2}>
                <Alert severity="error" onClose={actions.clearError}>
                  {actions.error}
                </Alert>
              </Box>
            )}
            {run.drift.length > 0 && (
              <Box mb={2}>
                <RunDrift drift={run.drift} />
              </Box>
            )}
            <StageLadder
              run={run}
              selectedStep={selectedStep}
              onSelectStep={key => setPicked({ key })}
              actions={actions}
            />
            <Box mt={3}>
              <RunEvents events={run.events} />
            </Box>
          </>
        )}
      </AsyncContent>
    </Content>
  );
}
