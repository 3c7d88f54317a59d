import type { HttpAuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import type { OnboardingRights } from '../services/OnboardingRights/OnboardingRights';

/** Requests that only read although they are POSTs. */
const READS: [string, RegExp][] = [['POST', /^\/validate\/?$/i]];
/** Decisions: the platform team's, checked before the body is looked at. Paths in any case, as Express routes them. */
const DECISIONS: RegExp[] = [
  /^\/requests\/[^/]+\/(approve|reject)\/?$/i,
  /^\/prefixes\/[^/]+\/retire\/?$/i,
];

/**
 * Every route reads requests and prefixes: a user or service with `skip.onboarding.read`,
 * before any input is looked at. Changes are made by signed-in people only; decisions need
 * `skip.onboarding.request.approve` here, a request for a team is checked against the team
 * (a conditional decision) once the body names it.
 */
export function requireOnboardingAccess(options: {
  httpAuth: HttpAuthService;
  rights: OnboardingRights;
}) {
  return async (req: Request, _res: Response, next: NextFunction) => {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    await options.rights.requireRead(credentials);
    const reads =
      req.method === 'GET' ||
      req.method === 'HEAD' ||
      READS.some(([m, p]) => req.method === m && p.test(req.path));
    if (!reads) {
      if ((credentials.principal as { type?: string }).type !== 'user') {
        throw new NotAllowedError(
          'Prefixes are requested and decided by signed-in users, not by services',
        );
      }
      if (DECISIONS.some(p => p.test(req.path))) {
        await options.rights.requireDecide(credentials);
      }
    }
    next();
  };
}
