import type {
  ArgoAppRef,
  ArgoRefreshRequest,
  ArgoRollbackRequest,
  ArgoSyncRequest,
} from '@internal/plugin-skip-common';
import type { Caller } from '@internal/plugin-skip-node';

/** Refresh, sync and rollback of Argo CD Applications, checked per namespace the app manages, and audited. */
export interface ArgoActions {
  refresh(
    ref: ArgoAppRef,
    request: ArgoRefreshRequest,
    caller: Caller,
  ): Promise<void>;
  sync(
    ref: ArgoAppRef,
    request: ArgoSyncRequest,
    caller: Caller,
  ): Promise<void>;
  /** Deploys a `status.history` entry again; refused (409) while auto-sync is on. */
  rollback(
    ref: ArgoAppRef,
    request: ArgoRollbackRequest,
    caller: Caller,
  ): Promise<void>;
}
