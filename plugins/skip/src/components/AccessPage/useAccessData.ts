import {
  DependencyList,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';

/** What {@link useAccessData} returns; fits `AsyncContent`. */
export type AccessDataState<T> = {
  value?: T;
  error?: Error;
  /** True until the first answer for the current subject. */
  loading: boolean;
  /** Asks again now, keeping the shown value until the answer. */
  retry: () => void;
  /** Shows this value (e.g. the report an action answered with) instead of asking. */
  replace: (value: T) => void;
};

/**
 * Loads once per subject (`deps`) and again on `retry`. The access backend pushes no
 * signals and its answers change only through actions on this page (or the rare edit of
 * the git folder), so nothing polls: every action reloads what it changed.
 */
export function useAccessData<T>(
  load: () => Promise<T>,
  deps: DependencyList,
): AccessDataState<T> {
  const [state, setState] = useState<{
    value?: T;
    error?: Error;
    loading: boolean;
  }>({ loading: true });
  const loadRef = useRef(load);
  loadRef.current = load;
  // An answer to an older request (another subject, or one overtaken by replace) is dropped.
  const generation = useRef(0);

  const fetchNow = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const value = await loadRef.current();
      if (mine === generation.current) setState({ value, loading: false });
    } catch (e) {
      if (mine !== generation.current) return;
      const error = e instanceof Error ? e : new Error(String(e));
      setState(prev => ({ value: prev.value, error, loading: false }));
    }
  }, []);

  useEffect(() => {
    setState({ loading: true });
    fetchNow();
    return () => {
      // A counter, not a DOM node: bumping whatever it holds now is the point (the old
      // subject's answer is dropped).
      // eslint-disable-next-line react-hooks/exhaustive-deps
      generation.current++;
    };
    // The caller names the subject in deps, as with useEffect.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  const replace = useCallback((value: T) => {
    generation.current++;
    setState({ value, loading: false });
  }, []);
  return { ...state, retry: fetchNow, replace };
}
