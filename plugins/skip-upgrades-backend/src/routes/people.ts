import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { Actor } from '../services/UpgradeRuns/UpgradeRuns';

/** Any typed request of the generated router, as httpAuth takes it. */
export type HttpRequest = Parameters<HttpAuthService['credentials']>[0];

/** Who acts: a signed-in person (services never change runs), named in the audit log. */
export function personOf(httpAuth: HttpAuthService) {
  return async (req: HttpRequest): Promise<Actor> => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });
}
