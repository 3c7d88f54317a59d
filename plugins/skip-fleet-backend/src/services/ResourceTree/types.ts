import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ResourceTree,
  SkiperatorAppRef,
} from '@internal/plugin-skip-common';

/** Reads what one Skiperator app consists of, live from its cluster (owning team and platform team only). */
export interface ResourceTreeReader {
  /** `signal` aborts the cluster reads when the caller stops waiting (the browser went away). */
  appTree(
    ref: SkiperatorAppRef,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<ResourceTree>;
}
