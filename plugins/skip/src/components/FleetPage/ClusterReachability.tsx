import {
  StatusError,
  StatusOK,
  StatusPending,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ClusterFreshness } from '@internal/plugin-skip-common';
import { Age } from '@internal/plugin-skip-react';

/** Props of {@link ClusterReachability}. */
export type ClusterReachabilityProps = {
  freshness: ClusterFreshness;
};

/** Whether the portal reaches a cluster, and if not, why and since when. */
export function ClusterReachability(props: ClusterReachabilityProps) {
  const { freshness } = props;
  if (freshness.reachability === 'reachable') {
    return <StatusOK>Reachable</StatusOK>;
  }
  if (freshness.reachability === 'pending') {
    return <StatusPending>Waiting for first answer</StatusPending>;
  }
  return (
    <>
      <StatusError>Unreachable</StatusError>
      {freshness.error && (
        <Typography variant="body2" color="error">
          {freshness.error}
        </Typography>
      )}
      <Typography variant="caption" color="textSecondary">
        {freshness.lastSeenAt ? (
          <>
            last seen <Age time={freshness.lastSeenAt} />
          </>
        ) : (
          'never seen'
        )}
      </Typography>
    </>
  );
}
