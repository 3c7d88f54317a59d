import { useSignal } from '@backstage/plugin-signals-react';
import {
  FleetChangeSignal,
  SKIP_FLEET_SIGNAL_CHANNEL,
} from '@internal/plugin-skip-common';
import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/**
 * How often a view asks again without being told: signals carry the changes, this only
 * catches what they cannot name (an app that did not exist when the view loaded).
 */
export const FALLBACK_POLL_MS = 60_000;

/** What a view shows of loaded fleet data: the last good value survives later failures. */
export type FleetDataState<T> = {
  value?: T;
  /** The error of the last attempt, if it failed. */
  error?: Error;
  /** True until the first attempt for the current subject ends. */
  loading: boolean;
  /** Asks again now. */
  retry: () => void;
};

/** Options of {@link useFleetData}. */
export type UseFleetDataOptions<T> = {
  /** Whether a change concerns what the view shows (`shown` is its current value). */
  refetchOn: (signal: FleetChangeSignal, shown: T | undefined) => boolean;
  /** The fallback poll while the tab is visible; {@link FALLBACK_POLL_MS} by default. */
  fallbackPollMs?: number;
};

type LoadedState<T> = Omit<FleetDataState<T>, 'retry'>;

function isVisible(): boolean {
  return document.visibilityState === 'visible';
}

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
  const { fallbackPollMs = FALLBACK_POLL_MS } = options;
  const [state, setState] = useState<LoadedState<T>>({ loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  const refetchOnRef = useRef(options.refetchOn);
  refetchOnRef.current = options.refetchOn;
  const valueRef = useRef<T | undefined>(undefined);
  valueRef.current = state.value;
  const fetchRef = useRef<() => void>(() => {});

  useEffect(() => {
    let disposed = false;
    let inFlight = false;
    let again = false;
    // A new subject (another entity, another resource) starts from nothing, not from the old one's data.
    setState({ loading: true });
    const fetchNow = async () => {
      if (inFlight) {
        again = true;
        return;
      }
      inFlight = true;
      do {
        again = false;
        try {
          const value = await loadRef.current();
          if (!disposed) setState({ value, loading: false });
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

  const { lastSignal } = useSignal<FleetChangeSignal>(
    SKIP_FLEET_SIGNAL_CHANNEL,
  );
  useEffect(() => {
    // A hidden tab catches up when it becomes visible; until then it asks nothing.
    if (!lastSignal || !isVisible()) return;
    if (refetchOnRef.current(lastSignal, valueRef.current)) fetchRef.current();
  }, [lastSignal]);

  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const startPolling = () => {
      if (!timer) timer = setInterval(() => fetchRef.current(), fallbackPollMs);
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
  }, [fallbackPollMs]);

  const retry = useCallback(() => fetchRef.current(), []);
  return { ...state, retry };
}
