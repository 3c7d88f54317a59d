import { useApi } from '@backstage/core-plugin-api';
import type { SkipUpgradesApi, UpgradeRun } from '@internal/plugin-skip-common';
import { skipUpgradesApiRef } from '@internal/plugin-skip-react';
import { useCallback, useState } from 'react';
import { backendMessage } from '../UpgradesPage/backendMessage';

/** What the run page's buttons call: one action at a time, its failure kept to show. */
export type RunAction = {
  /** Calls the backend (`what` names it for the error: "pause the run") and shows the run it answers with. */
  run: (
    what: string,
    call: (api: SkipUpgradesApi) => Promise<UpgradeRun>,
  ) => Promise<void>;
  busy: boolean;
  /** The last action's failure, in the backend's words. */
  error?: string;
  clearError: () => void;
};

/** Actions on a run; each answer replaces the run shown (`onRun`). */
export function useRunActions(onRun: (run: UpgradeRun) => void): RunAction {
  const api = useApi(skipUpgradesApiRef);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const run = useCallback(
    async (what: string, call: (a: SkipUpgradesApi) => Promise<UpgradeRun>) => {
      setBusy(true);
      setError(undefined);
      try {
        onRun(await call(api));
      } catch (e) {
        const { message, status } = backendMessage(e);
        setError(
          `Could not ${what}: ${message}${status ? ` (HTTP ${status})` : ''}`,
        );
      } finally {
        setBusy(false);
      }
    },
    [api, onRun],
  );
  const clearError = useCallback(() => setError(undefined), []);
  return { run, busy, error, clearError };
}
