import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  ResourceDetails,
  ResourceRef,
} from '@internal/plugin-skip-common';

/** Reads one object live from its cluster: conditions, events and pods (owning team and platform team only). */
export interface ResourceInspector {
  resourceDetails(
    ref: ResourceRef,
    credentials: BackstageCredentials,
  ): Promise<ResourceDetails>;
}
