import { useApi } from '@backstage/core-plugin-api';
import type {
  AccessRuleInput,
  AccessRuleValidation,
} from '@internal/plugin-skip-common';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { LiveCheckState, useLiveCheck } from '../../lib/useLiveCheck';

export { LIVE_CHECK_DEBOUNCE_MS as VALIDATE_DEBOUNCE_MS } from '../../lib/useLiveCheck';

/** What {@link useRuleValidation} knows of the rule as it stands now. */
export type RuleValidationState = LiveCheckState<AccessRuleValidation>;

/** The backend's verdict on the rule being edited, asked once typing pauses. */
export function useRuleValidation(
  rule: AccessRuleInput | undefined,
): RuleValidationState {
  const api = useApi(skipAccessApiRef);
  return useLiveCheck(rule, input => api.validateRule(input));
}
