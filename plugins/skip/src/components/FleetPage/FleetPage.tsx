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
import { ClusterStatus, ENVIRONMENTS } from '@internal/plugin-skip-common';
import {
  AsyncContent,
  Freshness,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useMemo, useState } from 'react';
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
      </ContentHeader>
      <AsyncContent state={state} what="the fleet" loadingRows={8}>
        {value => <FleetBody clusters={value.items} />}
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

function FleetBody(props: { clusters: ClusterStatus[] }) {
  const { clusters } = props;
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
          />
        </Box>
      )}
      {adminClusters.length > 0 && (
        <Box mb={3}>
          <ClusterTable
            title="Admin clusters"
            clusters={adminClusters}
            drift={drift}
            manages={manages}
          />
        </Box>
      )}
    </>
  );
}
