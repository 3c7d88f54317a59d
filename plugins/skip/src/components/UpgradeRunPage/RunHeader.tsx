import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { UpgradeRun } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';
import { ReactNode } from 'react';
import { describeScope } from '../UpgradesPage/describeScope';
import { RunStateChip } from '../UpgradesPage/RunStateChip';

/** Props of {@link RunHeader}. */
export type RunHeaderProps = { run: UpgradeRun; actions?: ReactNode };

/** What the run does, where it stands, who started it and when, and why it stopped or waits. */
export function RunHeader(props: RunHeaderProps) {
  const { run } = props;
  const done = run.steps.filter(
    s => s.state === 'succeeded' || s.state === 'skipped',
  ).length;
  return (
    <InfoCard
      title={`Upgrade to ${run.targetVersion}`}
      subheader={`Kubernetes ${run.plan.kubernetesVersion} · ${describeScope(
        run.scope,
      )}`}
    >
      <Box display="flex" flexWrap="wrap" gridGap={24} mb={1}>
        <div>
          <Typography variant="overline" display="block">
            State
          </Typography>
          <span aria-label="Run state">
            <RunStateChip state={run.state} />
          </span>
        </div>
        <div>
          <Typography variant="overline" display="block">
            Started by
          </Typography>
          {run.createdBy} · <Age time={run.createdAt} />
        </div>
        {run.finishedAt && (
          <div>
            <Typography variant="overline" display="block">
              Ended
            </Typography>
            <Age time={run.finishedAt} />
          </div>
        )}
        <div>
          <Typography variant="overline" display="block">
            Progress
          </Typography>
          {done}/{run.steps.length} steps
        </div>
        <div>
          <Typography variant="overline" display="block">
            Order
          </Typography>
          {run.plan.order === 'admin-first'
            ? 'admin clusters first'
            : 'user clusters first'}
        </div>
      </Box>
      {run.message && (
        <Typography variant="body1" paragraph>
          {run.message}
        </Typography>
      )}
      {props.actions}
    </InfoCard>
  );
}
