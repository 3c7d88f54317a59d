import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ArgoAppStatus, Health } from '@internal/plugin-skip-common';

/** The portal's verdict on an app: Skiperator, its resources and Argo CD together. */
export function AppHealth(props: { health: Health }) {
  const { health } = props;
  if (health === 'Healthy') return <StatusOK>Healthy</StatusOK>;
  if (health === 'Degraded') return <StatusError>Failing</StatusError>;
  if (health === 'Progressing')
    return <StatusPending>Progressing</StatusPending>;
  return <StatusWarning>Unknown</StatusWarning>;
}

/** Argo CD sync and health; green only when Synced and Healthy. */
export function ArgoSyncHealth(props: { argo: ArgoAppStatus }) {
  const { sync, health } = props.argo;
  const text = `${sync.status} · ${health.status}`;
  if (sync.status === 'Synced' && health.status === 'Healthy') {
    return <StatusOK>{text}</StatusOK>;
  }
  if (health.status === 'Degraded' || health.status === 'Missing') {
    return <StatusError>{text}</StatusError>;
  }
  if (health.status === 'Progressing') {
    return <StatusPending>{text}</StatusPending>;
  }
  return <StatusWarning>{text}</StatusWarning>;
}
