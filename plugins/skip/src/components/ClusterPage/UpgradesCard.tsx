import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ClusterStatus, isUpgradeRunEnded } from '@internal/plugin-skip-common';
import {
  describeError,
  SkeletonRows,
  skipUpgradesApiRef,
} from '@internal/plugin-skip-react';
import { RunStateChip } from '../UpgradesPage/RunStateChip';
import { useUpgradesData } from '../UpgradesPage/useUpgradesData';

/** How often the active runs are asked for when no signal comes. */
const ACTIVE_RUNS_POLL_MS = 10_000;

/**
 * The upgrade run this cluster is in, if any, with a link to it, its state and the step it
 * is at; otherwise a link to the upgrades page. What the admin cluster reports as running
 * is shown too, as it may differ (an upgrade started outside the portal).
 */
export function UpgradesCard(props: { cluster: ClusterStatus }) {
  const name = props.cluster.metadata.name;
  const reported = props.cluster.upgradeInProgress;
  const api = useApi(skipUpgradesApiRef);
  const runs = useUpgradesData(() => api.listRuns({ active: true }), [api], {
    refetchOn: () => true,
    pollMs: () => ACTIVE_RUNS_POLL_MS,
  });
  const run = runs.value?.items.find(
    r => !isUpgradeRunEnded(r.state) && r.clusters.includes(name),
  );
  // The cluster page is at clusters/<name> under the SKIP page, as the upgrades page is at upgrades.
  const upgradesPath = '../../upgrades';

  let body;
  if (runs.value === undefined && runs.loading) {
    body = (
      <SkeletonRows label="Loading the upgrade runs" rows={2} columns={1} />
    );
  } else if (run) {
    body = (
      <>
        <Typography variant="body2" component="div">
          <Link
            to={`${upgradesPath}/runs/${encodeURIComponent(run.id)}`}
            relative="path"
          >
            Upgrade run {run.id}
          </Link>{' '}
          to {run.targetVersion}
        </Typography>
        <Box display="flex" alignItems="center" gridGap={8} my={0.5}>
          <RunStateChip state={run.state} />
          <Typography variant="body2" color="textSecondary" component="span">
            {run.progress.done}/{run.progress.total} steps
          </Typography>
        </Box>
        {run.currentStep && (
          <Typography variant="body2">Now: {run.currentStep}</Typography>
        )}
      </>
    );
  } else {
    body = (
      <>
        {runs.value ? (
          <Typography variant="body2" paragraph>
            No upgrade running.
          </Typography>
        ) : (
          <Typography variant="body2" color="error" paragraph>
            Could not load the upgrade runs
            {runs.error ? `: ${describeError(runs.error)}` : ''}
          </Typography>
        )}
        <Link to={upgradesPath} relative="path">
          Cluster upgrades
        </Link>
      </>
    );
  }

  return (
    <InfoCard title="Upgrades">
      {body}
      {reported && (
        <Box mt={1}>
          <Typography variant="body2" color="textSecondary">
            The admin cluster reports an upgrade
            {reported.targetVersion ? ` to ${reported.targetVersion}` : ''}.
          </Typography>
        </Box>
      )}
    </InfoCard>
  );
}
