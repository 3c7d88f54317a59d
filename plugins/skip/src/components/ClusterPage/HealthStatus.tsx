import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import type { Health } from '@internal/plugin-skip-common';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

/** The portal's verdict on an app as a status label that never wraps. */
export function HealthStatus(props: { health: Health }) {
  const { health } = props;
  let label;
  if (health === 'Healthy') label = <StatusOK>Healthy</StatusOK>;
  else if (health === 'Degraded') label = <StatusError>Degraded</StatusError>;
  else if (health === 'Progressing') {
    label = <StatusPending>Progressing</StatusPending>;
  } else label = <StatusWarning>Unknown</StatusWarning>;
  return <span style={NO_WRAP}>{label}</span>;
}
