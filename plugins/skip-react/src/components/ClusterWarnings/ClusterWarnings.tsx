import { WarningPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ClusterFreshness } from '@internal/plugin-skip-common';
import { useNow } from '../../hooks/useNow';
import { formatTimeAgo } from '../../lib/formatTimeAgo';

/** Props of {@link ClusterWarnings}. */
export type ClusterWarningsProps = {
  clusters: ClusterFreshness[];
};

/**
 * One warning per cluster whose data is missing or stale. The rest of the page keeps
 * showing what the other clusters (and this one's last answer) said.
 */
export function ClusterWarnings(props: ClusterWarningsProps) {
  const now = useNow();
  const troubled = props.clusters.filter(c => c.reachability !== 'reachable');
  if (troubled.length === 0) return null;
  return (
    <Box display="flex" flexDirection="column" gridGap={8} mb={2}>
      {troubled.map(cluster => {
        const age = formatTimeAgo(cluster.lastSeenAt, now);
        const title =
          cluster.reachability === 'pending'
            ? `Cluster ${cluster.cluster} has not answered yet`
            : `Cluster ${cluster.cluster} is unreachable`;
        const dataAge = age
          ? `Its data shown here is from ${age}.`
          : 'No data from it is shown.';
        return (
          <WarningPanel
            key={cluster.cluster}
            severity="warning"
            title={title}
            message={[dataAge, cluster.error].filter(Boolean).join(' ')}
          />
        );
      })}
    </Box>
  );
}
