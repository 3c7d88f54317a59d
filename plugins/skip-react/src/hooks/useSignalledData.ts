import { useSignal } from '@backstage/plugin-signals-react';
import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** A signal message (a JSON object), as `useSignal` takes it. */
type SignalMessage = NonNullable<ReturnType<typeof useSignal>['lastSignal']>;

/** What a view shows of loaded data: the last good value survives later failures. */
export type SignalledDataState<T> = {
  value?: T;
  /** The error of the last attempt, if it failed. */
  error?: Error;
  /** True until the first attempt for the current subject ends. */
  loading: boolean;
  /** Asks again now. */
  retry: () => void;
  /**
   * Shows this value instead of the loaded one (e.g. the answer an action got); a load
   * that began before it does not overwrite it.
   */
  replace: (value: T) => void;
};

/** Options of {@link useSignalledData}. */
export type UseSignalledDataOptions<T, S extends SignalMessage> = {
  /** The signals channel whose changes may concern the view. */
  channel: string;
  /** Whether a change concerns what the view shows (`shown` is its current value). */
  refetchOn: (signal: S, shown: T | undefined) => boolean;
  /**
   * The fallback poll while the tab is visible, in ms, or how to choose it from the
   * current value; no poll when undefined.
   */
  pollMs?: number | ((shown: T | undefined) => number | undefined);
};

type LoadedState<T> = Omit<SignalledDataState<T>, 'retry' | 'replace'>;

function isVisible(): boolean {
  return document.visibilityState === 'visible';
}

/**
 * Loads once per subject (`deps`), then again when a signal on `channel` concerns what the
 * view shows, when the tab becomes visible again, and on a poll while visible (signals may
 * be unavailable or missed). A hidden tab asks nothing. Loads never overlap: a change during
 * a load asks once more after it.
 */
export function useSignalledData<T, S extends SignalMessage>(
  load: () => Promise<T>,
  deps: DependencyList,
  options: UseSignalledDataOptions<T, S>,
): SignalledDataState<T> {
  const [state, setState] = useState<LoadedState<T>>({ loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  const refetchOnRef = useRef(options.refetchOn);
  refetchOnRef.current = options.refetchOn;
  const valueRef = useRef<T | undefined>(undefined);
  valueRef.current = state.value;
  const fetchRef = useRef<() => void>(() => {});
  // Bumped by replace(): an answer to a load that began before it is older than the shown value.
  const generationRef = useRef(0);

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

  const { lastSignal } = useSignal<S>(options.channel);
  useEffect(() => {
    // A hidden tab catches up when it becomes visible; until then it asks nothing.
    if (!lastSignal || !isVisible()) return;
    if (refetchOnRef.current(lastSignal, valueRef.current)) fetchRef.current();
  }, [lastSignal]);

  const pollMs =
    typeof options.pollMs === 'function'
      ? options.pollMs(state.value)
      : options.pollMs;
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
