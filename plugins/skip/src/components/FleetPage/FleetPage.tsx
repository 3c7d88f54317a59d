import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  LinkButton,
  Page,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  ClusterStatus,
  ENVIRONMENTS,
  isUpgradeRunEnded,
} from '@internal/plugin-skip-common';
import {
  AsyncContent,
  Freshness,
  skipFleetApiRef,
  skipUpgradesApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useMemo, useState } from 'react';
import { useUpgradesData } from '../UpgradesPage/useUpgradesData';
import { ClusterTable } from './ClusterTable';
import { filterClusters } from './filterClusters';
import { versionDrift } from './versionDrift';

/** The fleet overview: user clusters in promotion order, admin clusters apart; live. */
export function FleetPage() {
  const api = useApi(skipFleetApiRef);
  const state = useFleetData(() => api.listClusters(), [api], {
    // Every cluster is on the page, so any cluster change concerns it.
    refetchOn: signal => signal.clusters.length > 0,
  });
  const runOf = useActiveRunsByCluster();

  return (
    <Content>
      <ContentHeader title="Fleet">
        <Freshness generatedAt={state.value?.generatedAt} error={state.error} />
        <LinkButton
          to="upgrades"
          relative="path"
          variant="outlined"
          size="small"
        >
          Cluster upgrades
        </LinkButton>
        <LinkButton to="access" relative="path" variant="outlined" size="small">
          Access
        </LinkButton>
        <LinkButton
          to="onboarding"
          relative="path"
          variant="outlined"
          size="small"
        >
          Onboarding
        </LinkButton>
      </ContentHeader>
      <AsyncContent state={state} what="the fleet" loadingRows={8}>
        {value => <FleetBody clusters={value.items} runOf={runOf} />}
      </AsyncContent>
    </Content>
  );
}

/** The fleet page with its own header, for apps on the legacy frontend system. */
export function FleetLegacyPage() {
  return (
    <Page themeId="tool">
      <Header title="SKIP" subtitle="Clusters and apps of the SKIP platform" />
      <FleetPage />
    </Page>
  );
}

/** Promotion order (sandbox first, prod last), then name. */
function byEnvironmentAndName(a: ClusterStatus, b: ClusterStatus) {
  return (
    ENVIRONMENTS.indexOf(a.metadata.environment) -
      ENVIRONMENTS.indexOf(b.metadata.environment) ||
    a.metadata.name.localeCompare(b.metadata.name)
  );
}

/** How often the active upgrade runs are asked for when no signal comes. */
const ACTIVE_RUNS_POLL_MS = 15_000;

/** The active upgrade run of each cluster that is in one, by cluster name; empty while unknown. */
function useActiveRunsByCluster(): Map<string, string> {
  const api = useApi(skipUpgradesApiRef);
  const runs = useUpgradesData(() => api.listRuns({ active: true }), [api], {
    refetchOn: () => true,
    pollMs: () => ACTIVE_RUNS_POLL_MS,
  });
  return useMemo(() => {
    const byCluster = new Map<string, string>();
    for (const run of runs.value?.items ?? []) {
      if (isUpgradeRunEnded(run.state)) continue;
      for (const cluster of run.clusters) byCluster.set(cluster, run.id);
    }
    return byCluster;
  }, [runs.value]);
}

function FleetBody(props: {
  clusters: ClusterStatus[];
  runOf: Map<string, string>;
}) {
  const { clusters, runOf } = props;
  const [filter, setFilter] = useState('');
  const drift = useMemo(() => versionDrift(clusters), [clusters]);
  const manages = useMemo(() => {
    const byAdmin = new Map<string, string[]>();
    for (const c of [...clusters].sort(byEnvironmentAndName)) {
      const admin = c.metadata.adminCluster;
      if (admin)
        byAdmin.set(admin, [...(byAdmin.get(admin) ?? []), c.metadata.name]);
    }
    return byAdmin;
  }, [clusters]);
  if (clusters.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No clusters configured"
        description="Add clusters to kubernetes.clusterLocatorMethods and their metadata to skip.clusters in app-config to see them here."
      />
    );
  }
  const shown = filterClusters(clusters, filter).sort(byEnvironmentAndName);
  // An admin cluster serves several environments, so it is listed apart, not under one.
  const userClusters = shown.filter(c => c.metadata.role !== 'admin');
  const adminClusters = shown.filter(c => c.metadata.role === 'admin');
  return (
    <>
      <Box mb={2} maxWidth={420}>
        <TextField
          id="skip-fleet-filter"
          label="Filter clusters"
          placeholder="name, environment, site, version…"
          variant="outlined"
          size="small"
          fullWidth
          value={filter}
          onChange={e => setFilter(e.target.value)}
        />
      </Box>
      {shown.length === 0 && (
        <Typography color="textSecondary">
          No cluster matches “{filter}”.
        </Typography>
      )}
      {userClusters.length > 0 && (
        <Box mb={3}>
          <ClusterTable
            title="Clusters"
            clusters={userClusters}
            drift={drift}
            runOf={runOf}
          />
        </Box>
      )}
      {adminClusters.length > 0 && (
        <Box mb={3}>
          <ClusterTable
            title="Admin clusters"
            clusters={adminClusters}
            drift={drift}
            runOf={runOf}
            manages={manages}
          />
        </Box>
      )}
    </>
  );
}
