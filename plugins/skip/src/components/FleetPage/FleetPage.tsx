import {
  Content,
  ContentHeader,
  EmptyState,
  Header,
  Page,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import { ClusterStatus, ENVIRONMENTS } from '@internal/plugin-skip-common';
import {
  AsyncContent,
  Freshness,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { ClusterTable } from './ClusterTable';

/** The fleet overview: every cluster, grouped by environment in promotion order, live. */
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
      </ContentHeader>
      <AsyncContent state={state} what="the fleet">
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

function FleetBody(props: { clusters: ClusterStatus[] }) {
  const { clusters } = props;
  if (clusters.length === 0) {
    return (
      <EmptyState
        missing="data"
        title="No clusters configured"
        description="Add clusters to kubernetes.clusterLocatorMethods and their metadata to skip.clusters in app-config to see them here."
      />
    );
  }
  const sorted = [...clusters].sort((a, b) =>
    a.metadata.name.localeCompare(b.metadata.name),
  );
  return (
    <>
      {/* ENVIRONMENTS is the promotion order: sandbox first, prod last. */}
      {ENVIRONMENTS.map(environment => {
        const inEnvironment = sorted.filter(
          c => c.metadata.environment === environment,
        );
        if (inEnvironment.length === 0) return null;
        return (
          <Box key={environment} mb={3}>
            <ClusterTable environment={environment} clusters={inEnvironment} />
          </Box>
        );
      })}
    </>
  );
}
