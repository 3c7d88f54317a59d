import { Link } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';
import Tooltip from '@material-ui/core/Tooltip';
import Typography from '@material-ui/core/Typography';
import WarningIcon from '@material-ui/icons/Warning';
import type { ClusterStatus } from '@internal/plugin-skip-common';
import type { VersionDrift } from './versionDrift';

/** Props of {@link ClusterVersion}. */
export type ClusterVersionProps = {
  cluster: ClusterStatus;
  /** Set when the version differs from the other clusters of the environment. */
  drift?: VersionDrift;
  /** The upgrade run the cluster is in, if known: its running upgrade links to it. */
  runId?: string;
};

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

// Drift is worth a look, not a failure: the warning colour, not the error one.
const useStyles = makeStyles(theme => ({
  drift: {
    whiteSpace: 'nowrap',
    fontWeight: 600,
    color: theme.palette.warning.dark,
  },
}));

/**
 * The Kubernetes version, highlighted when it drifts from the environment's other clusters,
 * with the platform release under it where that is a number of its own (GKE on VMware) and
 * the upgrade running on the cluster, if any: one column for everything about versions.
 */
export function ClusterVersion(props: ClusterVersionProps) {
  const { cluster, drift } = props;
  const classes = useStyles();
  const { kubernetes, platform } = cluster.versions;
  const upgrade = cluster.upgradeInProgress;
  const runId = upgrade?.runId ?? props.runId;
  const upgradingText = `upgrading${
    upgrade?.targetVersion ? ` to ${upgrade.targetVersion}` : ''
  }`;
  const platformRelease =
    platform && platform !== kubernetes?.replace(/^v/, '')
      ? platform
      : undefined;
  return (
    <>
      {drift ? (
        <Tooltip title={`Other clusters here run ${drift.others.join(', ')}`}>
          <Typography
            component="span"
            variant="body2"
            className={classes.drift}
            aria-label={`${kubernetes}, differs from ${drift.others.join(
              ', ',
            )}`}
          >
            <WarningIcon
              fontSize="inherit"
              style={{ verticalAlign: 'text-bottom', marginRight: 4 }}
            />
            {kubernetes}
          </Typography>
        </Tooltip>
      ) : (
        <span style={NO_WRAP}>{kubernetes ?? '–'}</span>
      )}
      {drift && (
        <Typography
          variant="caption"
          display="block"
          color="textSecondary"
          style={NO_WRAP}
        >
          differs from {drift.others[0]}
        </Typography>
      )}
      {upgrade && (
        <Typography variant="caption" display="block" color="primary">
          {runId ? (
            // Relative to the fleet page, which the upgrades pages are under.
            <Link
              to={`upgrades/runs/${encodeURIComponent(runId)}`}
              relative="path"
            >
              {upgradingText}
            </Link>
          ) : (
            upgradingText
          )}
        </Typography>
      )}
      {platformRelease && (
        <Typography
          variant="caption"
          display="block"
          color="textSecondary"
          style={NO_WRAP}
        >
          release {platformRelease}
        </Typography>
      )}
    </>
  );
}
