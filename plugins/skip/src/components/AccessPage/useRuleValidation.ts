import { useApi } from '@backstage/core-plugin-api';
import type {
  AccessRuleInput,
  AccessRuleValidation,
} from '@internal/plugin-skip-common';
import { skipAccessApiRef } from '@internal/plugin-skip-react';
import { useEffect, useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';

/** How long typing may pause before the rule is checked. */
export const VALIDATE_DEBOUNCE_MS = 300;

/** What {@link useRuleValidation} knows of the rule as it stands now. */
export type RuleValidationState = {
  /** The backend's verdict on exactly the current rule; undefined while it is being asked. */
  verdict?: AccessRuleValidation;
  /** Why the check itself failed (e.g. a request the backend refused as malformed). */
  failure?: string;
};

/**
 * Asks the backend about the rule being edited once typing pauses, so what the editor says
 * is what the backend will say on save. A verdict is only kept for the rule it was about.
 */
export function useRuleValidation(
  rule: AccessRuleInput | undefined,
): RuleValidationState {
  const api = useApi(skipAccessApiRef);
  const key = rule ? JSON.stringify(rule) : '';
  const [state, setState] = useState<RuleValidationState & { key: string }>({
    key: '',
  });

  useEffect(() => {
    if (!key) return undefined;
    let current = true;
    const timer = setTimeout(async () => {
      try {
        const verdict = await api.validateRule(JSON.parse(key));
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
