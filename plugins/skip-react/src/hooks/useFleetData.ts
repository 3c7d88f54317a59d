import {
  FleetChangeSignal,
  SKIP_FLEET_SIGNAL_CHANNEL,
} from '@internal/plugin-skip-common';
import { DependencyList } from 'react';
import { SignalledDataState, useSignalledData } from './useSignalledData';

/**
 * How often a view asks again without being told: signals carry the changes, this only
 * catches what they cannot name (an app that did not exist when the view loaded).
 */
export const FALLBACK_POLL_MS = 60_000;

/** What a view shows of loaded fleet data: the last good value survives later failures. */
export type FleetDataState<T> = Omit<SignalledDataState<T>, 'replace'>;

/** Options of {@link useFleetData}. */
export type UseFleetDataOptions<T> = {
  /** Whether a change concerns what the view shows (`shown` is its current value). */
  refetchOn: (signal: FleetChangeSignal, shown: T | undefined) => boolean;
  /** The fallback poll while the tab is visible; {@link FALLBACK_POLL_MS} by default. */
  fallbackPollMs?: number;
};

/**
 * Loads once per subject (`deps`), then again when a fleet change signal names something
 * the view shows, when the tab becomes visible again, and on a slow poll while visible.
 * A hidden tab asks nothing. Loads never overlap: a change during a load asks once more after it.
 */
export function useFleetData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: UseFleetDataOptions<T>,
): FleetDataState<T> {
  const { refetchOn, fallbackPollMs = FALLBACK_POLL_MS } = options;
  // Fleet views show only what they loaded: no replace().
  const { replace, ...state } = useSignalledData<T, FleetChangeSignal>(
    load,
    deps,
    { channel: SKIP_FLEET_SIGNAL_CHANNEL, refetchOn, pollMs: fallbackPollMs },
  );
  return state;
}
