import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ArgoAppStatus } from '@internal/plugin-skip-common';

/** Skiperator's `status.summary.status` as a coloured status. */
export function SkiperatorStatus(props: { status: string }) {
  const { status } = props;
  if (status === 'Synced' || status === 'Ready') {
    return <StatusOK>{status}</StatusOK>;
  }
  if (status === 'Error' || status === 'InvalidConfig') {
    return <StatusError>{status}</StatusError>;
  }
  return <StatusPending>{status}</StatusPending>;
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
