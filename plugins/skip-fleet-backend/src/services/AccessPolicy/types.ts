import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  AppAccessPolicy,
  SkiperatorAppRef,
} from '@internal/plugin-skip-common';

/** "Who may call this app and whom it calls", from the watch cache (owning team and platform team only). */
export interface AccessPolicyLookup {
  /** The app's accessPolicy resolved on its cluster; 404 for an app the cache does not hold. */
  accessPolicy(
    ref: SkiperatorAppRef,
    credentials: BackstageCredentials,
  ): Promise<AppAccessPolicy>;
}
