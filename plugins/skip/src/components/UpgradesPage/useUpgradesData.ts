import { useSignal } from '@backstage/plugin-signals-react';
import {
  SKIP_UPGRADES_SIGNAL_CHANNEL,
  UpgradeRunChangeSignal,
} from '@internal/plugin-skip-common';
import type { FleetDataState } from '@internal/plugin-skip-react';
import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** What {@link useUpgradesData} returns: the loading state, plus a way to show an answer an action got. */
export type UpgradesDataState<T> = FleetDataState<T> & {
  /** Shows this value instead of the loaded one (the run an action answered with). */
  replace: (value: T) => void;
};

/** Options of {@link useUpgradesData}. */
export type UseUpgradesDataOptions<T> = {
  /** Whether a change of this run concerns what the view shows. */
  refetchOn: (signal: UpgradeRunChangeSignal, shown: T | undefined) => boolean;
  /** The fallback poll while the tab is visible, in ms; none when undefined (e.g. once a run ended). */
  pollMs?: (shown: T | undefined) => number | undefined;
};

type LoadedState<T> = Omit<FleetDataState<T>, 'retry'>;

function isVisible(): boolean {
  return document.visibilityState === 'visible';
}

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
  const [state, setState] = useState<LoadedState<T>>({ loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const valueRef = useRef<T | undefined>(undefined);
  valueRef.current = state.value;
  const fetchRef = useRef<() => void>(() => {});
  // Bumped by replace(): an answer to a load that began before it is older than the shown value.
  const generationRef = useRef(0);

  useEffect(() => {
    let disposed = false;
    let inFlight = false;
    let again = false;
    setState({ loading: true });
    const fetchNow = async () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      do {
        again = false;
        const generation = generationRef.current;
        try {
          const value = await loadRef.current();
          if (!disposed && generation === generationRef.current) {
            setState({ value, loading: false });
          }
        } catch (e) {
          if (!disposed) {
            setState(prev => ({
              value: prev.value,
              error: e instanceof Error ? e : new Error(String(e)),
              loading: false,
            }));
          }
        }
      } while (again && !disposed);
      inFlight = false;
    };
    fetchRef.current = () => {
      if (!disposed) fetchNow();
    };
    fetchNow();
    return () => {
      disposed = true;
    };
    // The caller names the subject in deps, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const { lastSignal } = useSignal<UpgradeRunChangeSignal>(
    SKIP_UPGRADES_SIGNAL_CHANNEL,
  );
  useEffect(() => {
    if (!lastSignal || !isVisible()) return;
    if (optionsRef.current.refetchOn(lastSignal, valueRef.current)) {
      fetchRef.current();
    }
  }, [lastSignal]);

  const pollMs = options.pollMs?.(state.value);
  useEffect(() => {
    if (pollMs === undefined) return undefined;
    let timer: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      if (!timer) timer = setInterval(() => fetchRef.current(), pollMs);
    };
    const stopPolling = () => {
      clearInterval(timer);
      timer = undefined;
    };
    const onVisibilityChange = () => {
      if (isVisible()) {
        fetchRef.current();
        startPolling();
      } else {
        stopPolling();
      }
    };
    if (isVisible()) startPolling();
    document.addEventListener('visibilitychange', onVisibilityChange);
    return () => {
      stopPolling();
      document.removeEventListener('visibilitychange', onVisibilityChange);
    };
  }, [pollMs]);

  const retry = useCallback(() => fetchRef.current(), []);
  const replace = useCallback((value: T) => {
    generationRef.current += 1;
    setState({ value, loading: false });
  }, []);
  return { ...state, retry, replace };
}
