import type { CoreV1Event } from '@kubernetes/client-node';
import type { KubeEvent } from '@internal/plugin-skip-common';

/**
 * An event as the drill-down shows it. Events of the object's pods are listed with it, so
 * their message names the pod they are about.
 */
export function toKubeEvent(event: CoreV1Event, objectName: string): KubeEvent {
  const subject = event.involvedObject?.name;
  const when =
    event.lastTimestamp ?? event.eventTime ?? event.metadata?.creationTimestamp;
  return {
    type: event.type ?? 'Normal',
    reason: event.reason,
    message:
      subject && subject !== objectName
        ? `${event.involvedObject.kind ?? ''} ${subject}: ${
            event.message ?? ''
          }`.trim()
        : event.message,
    count: event.count,
    lastTimestamp: when ? new Date(when).toISOString() : undefined,
    source: event.source?.component,
  };
}

/** Newest first; events without a time last. */
export function byNewestFirst(a: KubeEvent, b: KubeEvent): number {
  return (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? '');
}
