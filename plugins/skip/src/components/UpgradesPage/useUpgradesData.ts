import {
  SKIP_UPGRADES_SIGNAL_CHANNEL,
  UpgradeRunChangeSignal,
} from '@internal/plugin-skip-common';
import {
  SignalledDataState,
  useSignalledData,
} from '@internal/plugin-skip-react';
import { DependencyList } from 'react';

/** What {@link useUpgradesData} returns: the loading state, plus a way to show an answer an action got. */
export type UpgradesDataState<T> = SignalledDataState<T>;

/** Options of {@link useUpgradesData}. */
export type UseUpgradesDataOptions<T> = {
  /** Whether a change of this run concerns what the view shows. */
  refetchOn: (signal: UpgradeRunChangeSignal, shown: T | undefined) => boolean;
  /** The fallback poll while the tab is visible, in ms; none when undefined (e.g. once a run ended). */
  pollMs?: (shown: T | undefined) => number | undefined;
};

/**
 * Loads once per subject (`deps`), then again on a `skip-upgrades:runs` signal that concerns
 * the view, when the tab becomes visible, and on a poll while visible (signals may be
 * unavailable or missed). Loads never overlap: a change during a load asks once more after it.
 */
export function useUpgradesData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: UseUpgradesDataOptions<T>,
): UpgradesDataState<T> {
  return useSignalledData<T, UpgradeRunChangeSignal>(load, deps, {
    ...options,
    channel: SKIP_UPGRADES_SIGNAL_CHANNEL,
  });
}
