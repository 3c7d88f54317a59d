import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** How often live views ask the backend again. */
export const POLL_INTERVAL_MS = 5000;

/** State of a polled request: the last good value survives later failures. */
export type PollingState<T> = {
  value?: T;
  /** The error of the last attempt, if it failed. */
  error?: Error;
  /** True until the first attempt ends. */
  loading: boolean;
  /** Asks again now. */
  retry: () => void;
};

/**
 * Calls `load` now and then every `intervalMs` after the previous call ends, so slow
 * answers never pile up. A failure keeps the last value, so a page never blanks.
 */
export function usePolling<T>(
  load: () => Promise<T>,
  deps: DependencyList,
  intervalMs: number = POLL_INTERVAL_MS,
): PollingState<T> {
  const [state, setState] = useState<Omit<PollingState<T>, 'retry'>>({
    loading: true,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // A new subject (other entity) starts from nothing, not from the old one's data.
  useEffect(() => {
    setState({ loading: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const value = await loadRef.current();
        if (!cancelled) setState({ value, loading: false });
      } catch (e) {
        if (!cancelled) {
          setState(prev => ({
            value: prev.value,
            error: e instanceof Error ? e : new Error(String(e)),
            loading: false,
          }));
        }
      }
      if (!cancelled) timer = setTimeout(tick, intervalMs);
    };
    tick();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs, attempt]);

  const retry = useCallback(() => setAttempt(a => a + 1), []);
  return { ...state, retry };
}
