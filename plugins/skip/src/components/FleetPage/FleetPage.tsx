import {
  Content,
  ContentHeader,
  EmptyState,
  ErrorPanel,
  Header,
  Page,
  Progress,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import { ClusterStatus, ENVIRONMENTS } from '@internal/plugin-skip-common';
import { skipFleetApiRef } from '../../api/SkipFleetApi';
import { usePolling } from '../../hooks/usePolling';
import { Freshness } from '../Freshness';
import { ClusterTable } from './ClusterTable';

/** The fleet overview: every cluster, grouped by environment in promotion order, live. */
export function FleetPage() {
  const api = useApi(skipFleetApiRef);
  const { value, error, loading, retry } = usePolling(
    () => api.listClusters(),
    [api],
  );

  return (
    <Content>
      <ContentHeader title="Fleet">
        <Freshness generatedAt={value?.generatedAt} error={error} />
      </ContentHeader>
      <FleetBody
        clusters={value?.items}
        error={error}
        loading={loading}
        retry={retry}
      />
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

function FleetBody(props: {
  clusters?: ClusterStatus[];
  error?: Error;
  loading: boolean;
  retry: () => void;
}) {
  const { clusters, error, loading, retry } = props;
  if (loading) return <Progress />;
  if (!clusters) {
    return (
      <ErrorPanel
        title="Could not load the fleet"
        error={error ?? new Error('No answer')}
      >
        <Button variant="outlined" onClick={retry}>
          Retry
        </Button>
      </ErrorPanel>
    );
  }
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
      {error && (
        <WarningPanel
          title="Showing older data"
          message={`The latest refresh failed: ${error.message}`}
        />
      )}
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
