import { useEffect, useState } from 'react';
import { backendMessage } from '../components/UpgradesPage/backendMessage';

/** How long typing may pause before the input is checked. */
export const LIVE_CHECK_DEBOUNCE_MS = 300;

/** What {@link useLiveCheck} knows of the input as it stands now. */
export type LiveCheckState<V> = {
  /** The backend's verdict on exactly the current input; undefined while it is being asked. */
  verdict?: V;
  /** Why the check itself failed (e.g. a request the backend refused as malformed). */
  failure?: string;
};

/**
 * Asks the backend about what is being typed once typing pauses, so what a form says is what
 * the backend will say on save. A verdict is only kept for the input it was about. `check`
 * may be a new function on every render; the input decides when to ask.
 */
export function useLiveCheck<I, V>(
  input: I | undefined,
  check: (input: I) => Promise<V>,
): LiveCheckState<V> {
  const key = input ? JSON.stringify(input) : '';
  const [state, setState] = useState<LiveCheckState<V> & { key: string }>({
    key: '',
  });
  const [latestCheck] = useState(() => ({ current: check }));
  latestCheck.current = check;

  useEffect(() => {
    if (!key) return undefined;
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const verdict = await latestCheck.current(JSON.parse(key));
        if (current) setState({ key, verdict });
      } catch (e) {
        if (current) setState({ key, failure: backendMessage(e).message });
      }
    }, LIVE_CHECK_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key, latestCheck]);

  return state.key === key && key ? state : {};
}
