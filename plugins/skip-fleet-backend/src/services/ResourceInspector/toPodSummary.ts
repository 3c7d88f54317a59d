import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { PodSummary } from '@internal/plugin-skip-common';

type ContainerSummary = PodSummary['containers'][number];

function toContainerSummary(c: V1ContainerStatus): ContainerSummary {
  let state = 'running';
  let detail: { reason?: string; message?: string } | undefined;
  if (c.state?.waiting) {
    state = 'waiting';
    detail = c.state.waiting;
  } else if (c.state?.terminated) {
    state = 'terminated';
    detail = c.state.terminated;
  }
  return {
    name: c.name,
    ready: c.ready,
    restartCount: c.restartCount,
    state,
    reason: detail?.reason,
    message: detail?.message,
  };
}

/** A pod's phase and, per container, its state and why it is waiting or terminated. */
export function toPodSummary(pod: V1Pod): PodSummary {
  return {
    name: pod.metadata?.name ?? '',
    phase: pod.status?.phase,
    containers: (pod.status?.containerStatuses ?? []).map(toContainerSummary),
  };
}
