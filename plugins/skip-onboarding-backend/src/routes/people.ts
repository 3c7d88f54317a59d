import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { Caller } from '@internal/plugin-skip-node';

/** Any typed request of the generated router, as httpAuth takes it. */
export type HttpRequest = Parameters<HttpAuthService['credentials']>[0];

/** Who changes something: a signed-in person, named in the audit log. */
export function personOf(httpAuth: HttpAuthService) {
  return async (req: HttpRequest): Promise<Caller> => ({
    credentials: await httpAuth.credentials(req, { allow: ['user'] }),
    request: req,
  });
}
