import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import type { ClusterStatus } from '@internal/plugin-skip-common';

/**
 * Where the cluster's upgrades will be shown once the upgrades plugin lands; until then,
 * only what the admin cluster reports as running.
 */
export function UpgradesCard(props: { cluster: ClusterStatus }) {
  const running = props.cluster.upgradeInProgress;
  return (
    <InfoCard title="Upgrades">
      {running && (
        <Typography variant="body2" paragraph>
          Upgrading
          {running.targetVersion ? ` to ${running.targetVersion}` : ''} (as the
          admin cluster reports it).
        </Typography>
      )}
      <Typography variant="body2" color="textSecondary">
        Planned and past upgrades will show here when the SKIP upgrades plugin
        has landed; it has not yet.
      </Typography>
    </InfoCard>
  );
}
