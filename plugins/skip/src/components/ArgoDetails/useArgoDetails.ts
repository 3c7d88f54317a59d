import { useApi } from '@backstage/core-plugin-api';
import {
  ArgoAppDetails,
  ArgoAppRef,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import {
  FleetDataState,
  fleetAppKey,
  namesAnyOf,
  skipFleetApiRef,
  useFleetData,
} from '@internal/plugin-skip-react';
import { useCallback, useEffect, useRef, useState } from 'react';

/** How often the details are asked again while an operation runs or one was just requested. */
export const FOLLOW_POLL_MS = 2_000;
/** How long after a request the details are followed, until Argo CD has picked it up. */
export const FOLLOW_AFTER_REQUEST_MS = 30_000;

/** What {@link useArgoDetails} returns. */
export type ArgoDetailsState = FleetDataState<ArgoAppDetails> & {
  /** Reloads now and follows the app closely for a while: call it after asking Argo CD to act. */
  follow: () => void;
};

/**
 * Loads an Argo CD app's details, again when the fleet says the app changed, and every
 * {@link FOLLOW_POLL_MS} while an operation runs or right after a request: the change
 * signal names the app's summary, which does not carry the history or the per-resource results.
 */
export function useArgoDetails(
  app: SkiperatorAppSummary,
  argo: ArgoAppRef,
): ArgoDetailsState {
  const api = useApi(skipFleetApiRef);
  const { instance, namespace, name } = argo;
  const appKey = fleetAppKey(app);
  const state = useFleetData(
    () => api.getArgoAppDetails({ instance, namespace, name }),
    [api, instance, namespace, name],
    { refetchOn: signal => namesAnyOf(signal, { apps: [appKey] }) },
  );
  const [followUntil, setFollowUntil] = useState(0);
  const running = state.value?.operation?.phase === 'Running';
  const runningRef = useRef(running);
  runningRef.current = running;
  const { retry } = state;

  useEffect(() => {
    if (!running && followUntil <= Date.now()) return undefined;
    const timer = setInterval(() => {
      if (!runningRef.current && Date.now() > followUntil) {
        clearInterval(timer);
        return;
      }
      retry();
    }, FOLLOW_POLL_MS);
    return () => clearInterval(timer);
  }, [running, followUntil, retry]);

  const follow = useCallback(() => {
    setFollowUntil(Date.now() + FOLLOW_AFTER_REQUEST_MS);
    retry();
  }, [retry]);
  return { ...state, follow };
}
