import {
  containerLogSource,
  ContainerLogSource,
  PodSummary,
} from '@internal/plugin-skip-common';

/** Which run of a container the view reads: its current one, or the one before a restart. */
export type LogRun = 'current' | 'previous';

/** Where the log view opens: a pod, a container, and which of its runs. */
export type LogChoice = { pod?: string; container?: string; run: LogRun };

/** The log source of a container of `pods`, or `none` when it is not in the summary. */
export function sourceOf(
  pods: PodSummary[],
  pod: string | undefined,
  container: string | undefined,
): ContainerLogSource {
  const summary = pods
    .find(p => p.name === pod)
    ?.containers.find(c => c.name === container);
  return summary ? containerLogSource(summary) : { kind: 'current' };
}

/** The run to read of a container: its previous one when it crashed and waits to restart. */
export function defaultRun(source: ContainerLogSource): LogRun {
  return source.kind === 'previous' ? 'previous' : 'current';
}

/**
 * Opens where the reason is and a log exists: the first not-ready container that has a log
 * (a crash-looping one: its previous run); else any container with a log, not-ready pods
 * first (an image-pull pod's sidecar says what it waits for); else the first container,
 * whose missing log is then explained.
 */
export function pickLogContainer(pods: PodSummary[]): LogChoice {
  const candidates = pods.flatMap(pod =>
    pod.containers.map(c => ({
      pod: pod.name,
      podReady: pod.containers.every(x => x.ready),
      container: c,
      source: containerLogSource(c),
    })),
  );
  const withLog = candidates.filter(c => c.source.kind !== 'none');
  const choice =
    withLog.find(c => !c.container.ready) ??
    withLog.find(c => !c.podReady) ??
    withLog[0] ??
    candidates[0];
  if (!choice) return { pod: pods[0]?.name, run: 'current' };
  return {
    pod: choice.pod,
    container: choice.container.name,
    run: defaultRun(choice.source),
  };
}
