import { useApi } from '@backstage/core-plugin-api';
import type {
  PrefixRequestInput,
  PrefixValidation,
} from '@internal/plugin-skip-common';
import { skipOnboardingApiRef } from '@internal/plugin-skip-react';
import { useEffect, useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';

/** How long typing may pause before the prefix is checked. */
export const VALIDATE_DEBOUNCE_MS = 300;

/** What {@link usePrefixValidation} knows of the prefix as it stands now. */
export type PrefixValidationState = {
  /** The backend's verdict on exactly the current team and prefix; undefined while it is being asked. */
  verdict?: PrefixValidation;
  /** Why the check itself failed (e.g. a request the backend refused as malformed). */
  failure?: string;
};

/**
 * Asks the backend about the prefix being typed once typing pauses, so what the form says
 * is what the backend will say on submit. A verdict is only kept for the input it was about.
 */
export function usePrefixValidation(
  input: PrefixRequestInput | undefined,
): PrefixValidationState {
  const api = useApi(skipOnboardingApiRef);
  const key = input ? JSON.stringify(input) : '';
  const [state, setState] = useState<PrefixValidationState & { key: string }>({
    key: '',
  });

  useEffect(() => {
    if (!key) return undefined;
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const verdict = await api.validatePrefix(JSON.parse(key));
        if (current) setState({ key, verdict });
      } catch (e) {
        if (current) setState({ key, failure: backendMessage(e).message });
      }
    }, VALIDATE_DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, key]);

  return state.key === key && key ? state : {};
}
