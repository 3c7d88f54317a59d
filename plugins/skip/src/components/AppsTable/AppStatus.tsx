import {
  StatusError,
  StatusOK,
  StatusPending,
  StatusWarning,
} from '@backstage/core-components';
import { ArgoAppStatus, Health } from '@internal/plugin-skip-common';
import { ReactNode } from 'react';

type Tone = 'ok' | 'error' | 'pending' | 'warning';

/**
 * A status as one unbroken phrase. core-components' labels wrap with their cell and are
 * hidden from screen readers; a status is read as a whole, aloud too.
 */
export function StatusLabel(props: { tone: Tone; children: ReactNode }) {
  const { tone, children } = props;
  const shown = { 'aria-hidden': false, 'aria-label': undefined };
  let label: ReactNode;
  if (tone === 'ok') label = <StatusOK {...shown}>{children}</StatusOK>;
  else if (tone === 'error')
    label = <StatusError {...shown}>{children}</StatusError>;
  else if (tone === 'pending')
    label = <StatusPending {...shown}>{children}</StatusPending>;
  else label = <StatusWarning {...shown}>{children}</StatusWarning>;
  return <span style={{ whiteSpace: 'nowrap' }}>{label}</span>;
}

/** The tone and word of the portal's verdict, shared by rows and the environment strip. */
export function healthTone(health: Health): { tone: Tone; word: string } {
  if (health === 'Healthy') return { tone: 'ok', word: 'Healthy' };
  if (health === 'Degraded') return { tone: 'error', word: 'Failing' };
  if (health === 'Progressing') return { tone: 'pending', word: 'Progressing' };
  return { tone: 'warning', word: 'Unknown' };
}

/** The portal's verdict on an app: Skiperator, its resources and Argo CD together. */
export function AppHealth(props: { health: Health }) {
  const { tone, word } = healthTone(props.health);
  return <StatusLabel tone={tone}>{word}</StatusLabel>;
}

/** Argo CD sync and health; green only when Synced and Healthy. */
export function ArgoSyncHealth(props: { argo: ArgoAppStatus }) {
  const { sync, health } = props.argo;
  const text = `${sync.status} · ${health.status}`;
  if (sync.status === 'Synced' && health.status === 'Healthy') {
    return <StatusLabel tone="ok">{text}</StatusLabel>;
  }
  if (health.status === 'Degraded' || health.status === 'Missing') {
    return <StatusLabel tone="error">{text}</StatusLabel>;
  }
  if (health.status === 'Progressing') {
    return <StatusLabel tone="pending">{text}</StatusLabel>;
  }
  return <StatusLabel tone="warning">{text}</StatusLabel>;
}
