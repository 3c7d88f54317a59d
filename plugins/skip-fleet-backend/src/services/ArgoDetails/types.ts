import type { ArgoAppDetails, ArgoAppRef } from '@internal/plugin-skip-common';
import type { Caller } from '@internal/plugin-skip-node';

/** One Argo CD app as a developer needs it instead of Argo CD's UI. */
export interface ArgoDetails {
  get(
    ref: ArgoAppRef,
    caller: Caller,
    signal?: AbortSignal,
  ): Promise<ArgoAppDetails>;
}
