import type { ArgoAppDiff, ArgoAppRef } from '@internal/plugin-skip-common';
import type { Caller } from '@internal/plugin-skip-node';

/** How an Argo CD app's live resources differ from git, as its instance's API reports. */
export interface ArgoDiff {
  get(
    ref: ArgoAppRef,
    caller: Caller,
    signal?: AbortSignal,
  ): Promise<ArgoAppDiff>;
}
