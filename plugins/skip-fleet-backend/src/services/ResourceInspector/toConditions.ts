import type { KubernetesObject } from '@kubernetes/client-node';
import type { Condition } from '@internal/plugin-skip-common';

type RawCondition = {
  type?: unknown;
  status: Condition['status'];
  reason?: string;
  message?: string;
  lastTransitionTime?: string | Date;
};

/** The `status.conditions` of any object, with times as ISO strings. */
export function toConditions(object: KubernetesObject): Condition[] {
  const status = (object as { status?: { conditions?: RawCondition[] } })
    .status;
  return (status?.conditions ?? []).map(c => ({
    type: String(c.type),
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime
      ? new Date(c.lastTransitionTime).toISOString()
      : undefined,
  }));
}
