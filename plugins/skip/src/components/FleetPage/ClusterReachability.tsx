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

// A status label is one word or two; it never wraps inside its line.
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** Whether the portal reaches a cluster, and if not, why and since when. */
export function ClusterReachability(props: ClusterReachabilityProps) {
  const { freshness } = props;
  if (freshness.reachability === 'reachable') {
    return (
      <span style={NO_WRAP}>
        <StatusOK>Reachable</StatusOK>
      </span>
    );
  }
  if (freshness.reachability === 'pending') {
    return (
      <span style={NO_WRAP}>
        <StatusPending>Waiting</StatusPending>
      </span>
    );
  }
  return (
    <>
      <span style={NO_WRAP}>
        <StatusError>Unreachable</StatusError>
      </span>
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
