import type {
  OnboardingApprovalResult,
  OnboardingPlan,
  OnboardingRights,
  PrefixRequest,
  PrefixRequestInput,
  PrefixRequestState,
  PrefixValidation,
  SkipOnboardingApi,
  TeamPrefix,
} from '@internal/plugin-skip-common';
import { backendError } from '../components/UpgradesPage/__testUtils__/FakeSkipUpgradesApi';
import {
  DEVELOPER_ONBOARDING_RIGHTS,
  onboardingPlan,
  prefixRequests,
  teamPrefixes,
} from './onboardingFixtures';

export { backendError };

/** The time the fake stamps on what it changes. */
const NOW = '2025-01-13T12:00:00Z';

/**
 * An in-memory {@link SkipOnboardingApi} for tests: answers from what it was given, keeps
 * requests and prefixes as the backend would (an approval grants the prefix, a retirement
 * is refused while namespaces exist unless forced), and records every call.
 */
export class FakeSkipOnboardingApi implements SkipOnboardingApi {
  rights: OnboardingRights = DEVELOPER_ONBOARDING_RIGHTS;
  prefixes: TeamPrefix[] = teamPrefixes();
  requests: PrefixRequest[] = prefixRequests();
  /** The verdict validatePrefix gives; valid, capturing nothing, by default. */
  validate: (input: PrefixRequestInput) => PrefixValidation = () => ({
    valid: true,
    problems: [],
    captures: [],
  });
  createError?: Error;
  approveError?: Error;
  /** What an approval did on each instance; applied on both by default. */
  applied: OnboardingApprovalResult['applied'] = [
    { instance: 'argocd-nonprod', outcome: 'applied' },
    { instance: 'argocd-prod', outcome: 'applied' },
  ];
  /** The plan of a request; {@link onboardingPlan} by default. */
  plan: (request: PrefixRequest) => OnboardingPlan = onboardingPlan;
  readonly calls: string[] = [];
  readonly validated: PrefixRequestInput[] = [];
  readonly created: PrefixRequestInput[] = [];

  async listPrefixes() {
    this.calls.push('listPrefixes');
    return { items: this.prefixes, rights: this.rights };
  }

  async validatePrefix(input: PrefixRequestInput) {
    this.calls.push('validatePrefix');
    this.validated.push(input);
    return this.validate(input);
  }

  async listRequests(
    query: { team?: string; state?: PrefixRequestState } = {},
  ) {
    this.calls.push(
      `listRequests${query.team ? ` team=${query.team}` : ''}${
        query.state ? ` state=${query.state}` : ''
      }`,
    );
    const items = this.requests.filter(
      r =>
        (!query.team || r.team === query.team) &&
        (!query.state || r.state === query.state),
    );
    return { items };
  }

  async createRequest(input: PrefixRequestInput) {
    this.calls.push(`createRequest ${input.prefix}`);
    this.created.push(input);
    if (this.createError) throw this.createError;
    const request: PrefixRequest = {
      id: `req-${this.requests.length + 1}`,
      ...input,
      state: 'pending',
      requestedBy: 'user:default/mats',
      requestedAt: NOW,
      history: [{ at: NOW, actor: 'user:default/mats', action: 'requested' }],
    };
    this.requests = [request, ...this.requests];
    return request;
  }

  async getRequest(requestId: string) {
    this.calls.push(`getRequest ${requestId}`);
    return this.find(requestId);
  }

  async planRequest(requestId: string) {
    this.calls.push(`planRequest ${requestId}`);
    return this.plan(await this.find(requestId));
  }

  async approveRequest(requestId: string, reason?: string) {
    this.calls.push(
      `approveRequest ${requestId}${reason ? ` reason=${reason}` : ''}`,
    );
    if (this.approveError) throw this.approveError;
    const request = await this.decide(requestId, 'approved', reason, {
      gitBranch: `onboarding/${requestId}`,
    });
    this.prefixes = [
      ...this.prefixes,
      {
        prefix: request.prefix,
        team: request.team,
        state: 'active',
        source: 'onboarding',
        requestId,
        clusters: [],
        namespaces: [],
      },
    ];
    return { request, applied: this.applied };
  }

  async rejectRequest(requestId: string, reason: string) {
    this.calls.push(`rejectRequest ${requestId} reason=${reason}`);
    return this.decide(requestId, 'rejected', reason);
  }

  async retirePrefix(prefix: string, reason: string, force?: boolean) {
    this.calls.push(
      `retirePrefix ${prefix} reason=${reason}${force ? ' force' : ''}`,
    );
    const found = this.prefixes.find(p => p.prefix === prefix);
    if (!found) {
      throw await backendError(404, 'NotFoundError', `No prefix ${prefix}`);
    }
    if (found.namespaces.length > 0 && !force) {
      throw await backendError(
        409,
        'ConflictError',
        `${prefix} still has ${found.namespaces.length} namespaces`,
      );
    }
    const retired: TeamPrefix = {
      ...found,
      state: 'retired',
      retiredBy: 'user:default/pia',
      retiredAt: NOW,
    };
    this.prefixes = this.prefixes.map(p => (p === found ? retired : p));
    return retired;
  }

  async exportPrefix(prefix: string) {
    this.calls.push(`exportPrefix ${prefix}`);
    return {
      yaml: `kind: AppProject\nmetadata:\n  name: ${prefix.replace(
        /-$/,
        '',
      )}\n`,
    };
  }

  private async find(requestId: string): Promise<PrefixRequest> {
    const found = this.requests.find(r => r.id === requestId);
    if (!found) {
      throw await backendError(404, 'NotFoundError', `No request ${requestId}`);
    }
    return found;
  }

  private async decide(
    requestId: string,
    state: 'approved' | 'rejected',
    reason: string | undefined,
    extra: Partial<PrefixRequest> = {},
  ): Promise<PrefixRequest> {
    const found = await this.find(requestId);
    if (found.state !== 'pending') {
      throw await backendError(
        409,
        'ConflictError',
        `Request ${requestId} is ${found.state}`,
      );
    }
    const decided: PrefixRequest = {
      ...found,
      ...extra,
      state,
      decidedBy: 'user:default/pia',
      decidedAt: NOW,
      decision: reason,
      history: [
        ...found.history,
        {
          at: NOW,
          actor: 'user:default/pia',
          action: state,
          ...(reason ? { message: reason } : {}),
        },
      ],
    };
    this.requests = this.requests.map(r => (r === found ? decided : r));
    return decided;
  }
}
