/** The signals channel on which the upgrades backend says that a run changed (state, a step, output). */
export const SKIP_UPGRADES_SIGNAL_CHANNEL = 'skip-upgrades:runs';

/** Which run changed; pages showing it (or the run list) refetch. */
export type UpgradeRunChangeSignal = { runId: string };
