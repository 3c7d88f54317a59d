/** What the log view needs of one container of a pod (a `PodSummary` container). */
export type ContainerLogState = {
  name: string;
  state: string;
  reason?: string;
  restartCount: number;
};

/** Which log of a container there is to read, and why there is none yet. */
export type ContainerLogSource =
  | { kind: 'current' }
  /** Crash-looping: its current run has (next to) nothing; the run before says why it ended. */
  | { kind: 'previous'; why: string }
  | { kind: 'none'; why: string };

const IMAGE_PULL_REASONS = new Set([
  'ImagePullBackOff',
  'ErrImagePull',
  'ErrImageNeverPull',
  'InvalidImageName',
]);
const STARTING_REASONS = new Set(['ContainerCreating', 'PodInitializing']);

/** Why a waiting container is waiting, in the words the log view shows: "waiting: image not found". */
export function describeContainerWait(reason: string | undefined): string {
  if (reason && IMAGE_PULL_REASONS.has(reason))
    return 'waiting: image not found';
  if (!reason || STARTING_REASONS.has(reason)) return 'waiting: starting';
  if (reason === 'CrashLoopBackOff') return 'waiting: restarting after a crash';
  return `waiting: ${reason}`;
}

/**
 * Where a container's log is: a running or finished container has its own; a waiting one
 * that ran before (CrashLoopBackOff, restarts) has its previous run's; a waiting one that
 * never ran (image not found, still starting) has none yet, and the cluster would refuse.
 */
export function containerLogSource(
  container: ContainerLogState,
): ContainerLogSource {
  if (container.state !== 'waiting') return { kind: 'current' };
  const why = describeContainerWait(container.reason);
  if (container.restartCount > 0 || container.reason === 'CrashLoopBackOff') {
    return { kind: 'previous', why };
  }
  return { kind: 'none', why };
}
