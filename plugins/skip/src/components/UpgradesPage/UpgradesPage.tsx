import { Content, ContentHeader, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { isUpgradeRunEnded } from '@internal/plugin-skip-common';
import {
  AsyncContent,
  Freshness,
  skipUpgradesApiRef,
} from '@internal/plugin-skip-react';
import { useEffect, useMemo } from 'react';
import { PlanWizard } from './PlanWizard';
import { RunsTable } from './RunsTable';
import { useUpgradesData } from './useUpgradesData';
import { VersionsCard } from './VersionsCard';

/** Props of {@link UpgradesPage}. */
export type UpgradesPageProps = {};

const VERSIONS_POLL_MS = 60_000;
const ACTIVE_RUNS_POLL_MS = 5_000;

/**
 * Cluster upgrades: where every cluster's release stands, a wizard that plans and starts a
 * staged upgrade, and the runs so far; live.
 */
export function UpgradesPage(_props: UpgradesPageProps) {
  const api = useApi(skipUpgradesApiRef);
  // Versions come from the fleet, which is slow to ask: a slow poll, and again when runs start or end.
  const versions = useUpgradesData(() => api.getVersions(), [api], {
    refetchOn: () => false,
    pollMs: () => VERSIONS_POLL_MS,
  });
  const runs = useUpgradesData(() => api.listRuns(), [api], {
    refetchOn: () => true,
    pollMs: shown =>
      shown?.items.some(r => !isUpgradeRunEnded(r.state))
        ? ACTIVE_RUNS_POLL_MS
        : VERSIONS_POLL_MS,
  });
  const activeRuns = useMemo(
    () =>
      (runs.value?.items ?? [])
        .filter(r => !isUpgradeRunEnded(r.state))
        .map(r => r.id)
        .join(','),
    [runs.value],
  );
  const retryVersions = versions.retry;
  const firstRuns = runs.value === undefined;
  useEffect(() => {
    // On first load both load anyway; afterwards a run that starts or ends changes the versions.
    if (!firstRuns) retryVersions();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activeRuns, retryVersions]);

  return (
    <Content>
      <ContentHeader title="Cluster upgrades">
        <Freshness
          generatedAt={versions.value?.generatedAt}
          error={versions.error}
        />
      </ContentHeader>
      <Box mb={2}>
        <Link to=".." relative="path">
          ← All clusters
        </Link>
        <Typography variant="body2" color="textSecondary">
          Upgrades move GKE on VMware clusters to a newer release one
          environment at a time (sandbox, then dev, test and prod), with the
          checks, approvals and waiting times the plan shows before it starts.
        </Typography>
      </Box>
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <AsyncContent state={versions} what="the versions" loadingRows={6}>
            {value => (
              <Grid container spacing={3}>
                <Grid item xs={12}>
                  <VersionsCard versions={value} />
                </Grid>
                <Grid item xs={12}>
                  <PlanWizard versions={value} />
                </Grid>
              </Grid>
            )}
          </AsyncContent>
        </Grid>
        <Grid item xs={12}>
          <AsyncContent state={runs} what="the upgrade runs" loadingRows={4}>
            {value => <RunsTable runs={value.items} />}
          </AsyncContent>
        </Grid>
      </Grid>
    </Content>
  );
}
