import type {
  ArgoAppRef,
  ArgoRefreshRequest,
  ArgoSyncRequest,
} from '@internal/plugin-skip-common';
import type { Caller } from '@internal/plugin-skip-node';

/** Refresh and sync of Argo CD Applications, checked per namespace the app manages, and audited. */
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
}
