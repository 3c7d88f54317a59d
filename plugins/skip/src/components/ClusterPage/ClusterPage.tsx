import { Content, ContentHeader, Link } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import {
  AsyncContent,
  Freshness,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useParams } from 'react-router-dom';
import { ClusterAppsTable } from './ClusterAppsTable';
import { ClusterSummaryCard } from './ClusterSummaryCard';
import { NodeTable } from './NodeTable';
import { UpgradesCard } from './UpgradesCard';

/** Props of {@link ClusterPage}; the cluster comes from the route (`clusters/:cluster`) unless given. */
export type ClusterPageProps = { cluster?: string };

/** One cluster: what it is and runs, its nodes, and the apps on it with their state; live. */
export function ClusterPage(props: ClusterPageProps) {
  const params = useParams();
  const cluster = props.cluster ?? params.cluster ?? '';
  const api = useApi(skipFleetApiRef);
  const state = useFleetData(
    () => api.getClusterDetails(cluster),
    [api, cluster],
    {
      refetchOn: signal =>
        signal.clusters.includes(cluster) ||
        signal.apps.some(app => app.startsWith(`${cluster}/`)),
    },
  );

  return (
    <Content>
      <ContentHeader title={cluster}>
        <Freshness generatedAt={state.value?.generatedAt} error={state.error} />
      </ContentHeader>
      <Box mb={2}>
        {/* The cluster page is at clusters/<name> under the SKIP page. */}
        <Link to="../.." relative="path">
          ← All clusters
        </Link>
      </Box>
      <AsyncContent state={state} what={`cluster ${cluster}`} loadingRows={6}>
        {details => (
          <Grid container spacing={3}>
            <Grid item xs={12} md={8}>
              <ClusterSummaryCard details={details} />
            </Grid>
            <Grid item xs={12} md={4}>
              <UpgradesCard cluster={details.cluster} />
            </Grid>
            <Grid item xs={12}>
              <NodeTable nodes={details.nodes} nodePools={details.nodePools} />
            </Grid>
            <Grid item xs={12}>
              <ClusterAppsTable apps={details.apps} />
            </Grid>
          </Grid>
        )}
      </AsyncContent>
    </Content>
  );
}
