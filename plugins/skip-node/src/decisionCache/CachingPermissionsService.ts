import type {
  BackstageCredentials,
  PermissionsService,
  PermissionsServiceRequestOptions,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import type {
  Permission,
  AuthorizePermissionRequest,
  AuthorizePermissionResponse,
  QueryPermissionRequest,
  QueryPermissionResponse,
} from '@backstage/plugin-permission-common';
import type { DecisionCacheOptions } from './DecisionCacheOptions';
import { deepFreeze } from './deepFreeze';
import { ExpiringLruCache } from './ExpiringLruCache';
import { principalKey } from './principalKey';

/** Only reads are kept: a decision to change something is made fresh, when it is made. */
const isRead = (request: { permission: Permission }) =>
  request.permission.attributes.action === 'read';

type PendingQuery<Q, R> = {
  request: Q;
  resolve: (decision: R) => void;
  reject: (error: unknown) => void;
};

/**
 * The permission service with each user's decisions kept for a few seconds, so a page that
 * polls does not ask the permission backend (an HTTP call) on every request.
 *
 * What is kept is exactly what the framework answered, per user (their entity ref and the
 * ownership refs of their token), permission and resource ref: ALLOW, DENY, and conditional
 * decisions as their conditions, which the caller applies to each resource as before. So a
 * changed policy, group or resource takes effect within the TTL. Only read permissions are
 * kept: a refresh, a sync or any other change is decided fresh every time. Errors are not
 * kept; callers other than users are not cached (see {@link principalKey}).
 */
export class CachingPermissionsService implements PermissionsService {
  private constructor(
    private readonly permissions: PermissionsService,
    private readonly userInfo: UserInfoService,
    private readonly definitive: ExpiringLruCache<AuthorizePermissionResponse>,
    private readonly conditional: ExpiringLruCache<QueryPermissionResponse>,
  ) {}

  static create(
    options: {
      permissions: PermissionsService;
      userInfo: UserInfoService;
    } & DecisionCacheOptions,
  ): CachingPermissionsService {
    const cache = <V>() =>
      ExpiringLruCache.create<V>({
        ttlMs: options.ttlMs,
        maxEntries: options.maxEntries,
        now: options.now,
      });
    return new CachingPermissionsService(
      options.permissions,
      options.userInfo,
      cache(),
      cache(),
    );
  }

  authorize(
    requests: AuthorizePermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<AuthorizePermissionResponse[]> {
    return this.decide(
      this.definitive,
      requests,
      options,
      r => `${r.permission.name}\n${r.resourceRef ?? ''}`,
      missing => this.permissions.authorize(missing, options),
    );
  }

  authorizeConditional(
    requests: QueryPermissionRequest[],
    options: PermissionsServiceRequestOptions,
  ): Promise<QueryPermissionResponse[]> {
    return this.decide(
      this.conditional,
      requests,
      options,
      r => r.permission.name,
      missing => this.permissions.authorizeConditional(missing, options),
    );
  }

  /**
   * Answers each request from the caller's cached decisions; the rest go to the permission
   * service in one batch, as they would have without the cache.
   */
  private async decide<Q extends { permission: Permission }, R>(
    cache: ExpiringLruCache<R>,
    requests: Q[],
    options: PermissionsServiceRequestOptions,
    keyOf: (request: Q) => string,
    ask: (requests: Q[]) => Promise<R[]>,
  ): Promise<R[]> {
    const caller = cache.enabled
      ? await this.callerKey(options?.credentials)
      : undefined;
    if (caller === undefined) return ask(requests);
    const missing: PendingQuery<Q, R>[] = [];
    const load = (request: Q) => () =>
      new Promise<R>((resolve, reject) =>
        missing.push({ request, resolve, reject }),
      );
    const decisions = requests.map(request =>
      isRead(request)
        ? cache.getOrLoad(`${caller}\n${keyOf(request)}`, load(request))
        : load(request)(),
    );
    if (missing.length > 0) {
      ask(missing.map(m => m.request)).then(
        answers => {
          for (const [i, m] of missing.entries()) {
            if (i < answers.length) m.resolve(deepFreeze(answers[i]));
            else
              m.reject(
                new Error('The permission service left a request unanswered'),
              );
          }
        },
        error => {
          for (const m of missing) m.reject(error);
        },
      );
    }
    return Promise.all(decisions);
  }

  private callerKey(credentials: BackstageCredentials | undefined) {
    return credentials
      ? principalKey(credentials, this.userInfo)
      : Promise.resolve(undefined);
  }
}
