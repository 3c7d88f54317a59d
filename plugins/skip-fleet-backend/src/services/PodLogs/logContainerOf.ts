import { InputError, NotFoundError } from '@backstage/errors';
import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import {
  containerLogSource,
  PodLogQuery,
  PodRef,
} from '@internal/plugin-skip-common';

/**
 * The container whose log a request reads: the asked-for one, else the pod's default
 * (`kubectl.kubernetes.io/default-container`, as kubectl picks it) or first. Refuses, in
 * plain words, what the cluster would refuse or hang on: a container the pod does not
 * have, and one that never ran (image not found, still starting), which has no log yet.
 */
export function logContainerOf(
  pod: V1Pod,
  ref: PodRef,
  query: PodLogQuery,
): string {
  const spec = pod.spec;
  const names = [
    ...(spec?.containers ?? []),
    ...(spec?.initContainers ?? []),
  ].map(c => c.name);
  const annotated =
    pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  const name =
    query.container ??
    (annotated && names.includes(annotated) ? annotated : names[0]);
  if (!name) throw new NotFoundError(`${podName(ref)} has no containers`);
  if (!names.includes(name)) {
    throw new InputError(
      `Invalid query: container: '${name}' is not a container of ${podName(
        ref,
      )} on cluster '${ref.cluster}'`,
    );
  }
  const status = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
  ].find(s => s.name === name);
  const source = status && containerLogSource(toLogState(status));
  if (!query.previous && source?.kind === 'none') {
    throw new InputError(
      `Container '${name}' of ${podName(ref)} has no log yet: ${source.why}`,
    );
  }
  return name;
}

function toLogState(status: V1ContainerStatus) {
  let state = 'running';
  if (status.state?.waiting) state = 'waiting';
  else if (status.state?.terminated) state = 'terminated';
  return {
    name: status.name,
    state,
    reason: status.state?.waiting?.reason,
    restartCount: status.restartCount,
  };
}

/** How errors name a pod: `Pod <namespace>/<name>`. */
export function podName(ref: PodRef): string {
  return `Pod ${ref.namespace}/${ref.name}`;
}
