import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import {
  ArgoAppRef,
  ArgoHistoryEntry,
  ArgoSyncRequest,
} from '@internal/plugin-skip-common';
import { describeError, skipFleetApiRef } from '@internal/plugin-skip-react';
import { useMemo } from 'react';
import { shortRevision } from './argoText';

/** The requests the details panel sends to Argo CD through the fleet backend. */
export type ArgoRequests = {
  /** Throws on failure, so the dialog that asked can say why and stay open. */
  sync: (request: Partial<ArgoSyncRequest>) => Promise<void>;
  /** Throws on failure, so the dialog that asked can say why and stay open. */
  rollback: (entry: ArgoHistoryEntry) => Promise<void>;
  /** Reports a failure itself: no dialog asked for it. */
  hardRefresh: () => Promise<void>;
};

/**
 * Sends sync, rollback and hard refresh requests for one Argo CD app, confirms them in a
 * transient alert, and calls `onRequested` so the panel follows Argo CD picking them up.
 */
export function useArgoRequests(
  argo: ArgoAppRef,
  onRequested: () => void,
): ArgoRequests {
  const api = useApi(skipFleetApiRef);
  const alertApi = useApi(alertApiRef);
  const { instance, namespace, name } = argo;
  return useMemo(() => {
    const ref = { instance, namespace, name };
    const requested = (message: string) => {
      alertApi.post({ message, severity: 'success', display: 'transient' });
      onRequested();
    };
    return {
      sync: async request => {
        await api.syncArgoApp(ref, request);
        requested(
          request.dryRun
            ? `Argo CD dry run of ${name} requested`
            : `Argo CD sync of ${name} requested`,
        );
      },
      rollback: async entry => {
        await api.rollbackArgoApp(ref, { id: entry.id });
        requested(
          `Argo CD rollback of ${name} to ${shortRevision(
            entry.revision,
          )} requested`,
        );
      },
      hardRefresh: async () => {
        try {
          await api.refreshArgoApp(ref, 'hard');
          requested(`Argo CD hard refresh of ${name} requested`);
        } catch (e) {
          alertApi.post({
            message: `Argo CD hard refresh of ${name} failed: ${describeError(
              e instanceof Error ? e : new Error(String(e)),
            )}`,
            severity: 'error',
          });
        }
      },
    };
  }, [api, alertApi, instance, namespace, name, onRequested]);
}
