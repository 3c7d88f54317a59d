import { useApi } from '@backstage/core-plugin-api';
import type {
  PrefixRequestInput,
  PrefixValidation,
} from '@internal/plugin-skip-common';
import { skipOnboardingApiRef } from '@internal/plugin-skip-react';
import { LiveCheckState, useLiveCheck } from '../../lib/useLiveCheck';

export { LIVE_CHECK_DEBOUNCE_MS as VALIDATE_DEBOUNCE_MS } from '../../lib/useLiveCheck';

/** What {@link usePrefixValidation} knows of the team and prefix as they stand now. */
export type PrefixValidationState = LiveCheckState<PrefixValidation>;

/** The backend's verdict on the prefix being typed, asked once typing pauses. */
export function usePrefixValidation(
  input: PrefixRequestInput | undefined,
): PrefixValidationState {
  const api = useApi(skipOnboardingApiRef);
  return useLiveCheck(input, value => api.validatePrefix(value));
}
