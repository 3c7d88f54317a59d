import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import type { UpgradePlanDrift } from '@internal/plugin-skip-common';

/** Props of {@link RunDrift}. */
export type RunDriftProps = { drift: UpgradePlanDrift[] };

/** Where the fleet now differs from what the run planned with, so nobody is surprised by a step. */
export function RunDrift(props: RunDriftProps) {
  if (props.drift.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>The fleet has changed since this run was planned</AlertTitle>
      <ul
        aria-label="Changes since the plan"
        style={{ margin: 0, paddingLeft: 20 }}
      >
        {props.drift.map((d, i) => (
          <li key={`${d.cluster}-${i}`}>
            <strong>{d.cluster}</strong>: {d.message}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
