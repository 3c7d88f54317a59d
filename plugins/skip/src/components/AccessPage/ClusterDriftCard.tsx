import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  AccessClusterApplyResult,
  AccessClusterDrift,
} from '@internal/plugin-skip-common';
import { ApplyResults } from './ApplyResults';
import { bindingPath } from './BindingChangeItem';

/** Props of {@link ClusterDriftCard}. */
export type ClusterDriftCardProps = {
  drift: AccessClusterDrift;
  /** Offers "Repair" when set. */
  onRepair?: () => void;
  repairing: boolean;
  repaired?: AccessClusterApplyResult;
};

/** One cluster's drift: each finding with its type, what differs and whether repair fixes it. */
export function ClusterDriftCard(props: ClusterDriftCardProps) {
  const { drift, onRepair, repairing, repaired } = props;
  if (!drift.reachable) {
    return (
      <Alert severity="error" aria-label={`Drift of ${drift.cluster}`}>
        <strong>{drift.cluster}</strong> ({drift.environment}) could not be
        checked: {drift.error ?? 'not reachable'}
      </Alert>
    );
  }
  const repairable = drift.findings.some(f => f.repairable);
  return (
    <section aria-label={`Drift of ${drift.cluster}`}>
      <InfoCard
        title={drift.cluster}
        subheader={`${drift.environment} · ${drift.findings.length} finding${
          drift.findings.length === 1 ? '' : 's'
        }${
          drift.autoApplied
            ? ` · ${drift.autoApplied} bindings added for new namespaces`
            : ''
        }`}
      >
        {drift.findings.length === 0 && (
          <Typography variant="body2">As the rules want it.</Typography>
        )}
        <ul aria-label={`Findings on ${drift.cluster}`}>
          {drift.findings.map(f => (
            <li key={`${f.type}/${f.kind}/${bindingPath(f)}`}>
              <Chip size="small" label={f.type} variant="outlined" /> {f.kind}{' '}
              {bindingPath(f)}: {f.detail}
              <Typography
                component="span"
                variant="caption"
                color="textSecondary"
              >
                {f.repairable ? ' · repair fixes it' : ' · needs a person'}
              </Typography>
            </li>
          ))}
        </ul>
        {onRepair && repairable && (
          <Box mt={1}>
            <Button
              variant="outlined"
              color="primary"
              disabled={repairing}
              onClick={onRepair}
            >
              Repair {drift.cluster}
            </Button>
          </Box>
        )}
        {repaired && (
          <ApplyResults
            results={[repaired]}
            label={`Repair of ${drift.cluster}`}
          />
        )}
      </InfoCard>
    </section>
  );
}
