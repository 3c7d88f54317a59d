import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ResourceDetails,
  ResourceRef,
} from '@internal/plugin-skip-common';

/** Reads one object live from its cluster: conditions, events and pods (owning team and platform team only). */
export interface ResourceInspector {
  /** `signal` aborts the cluster reads when the caller stops waiting (the browser went away). */
  resourceDetails(
    ref: ResourceRef,
    credentials: BackstageCredentials,
    signal?: AbortSignal,
  ): Promise<ResourceDetails>;
}
