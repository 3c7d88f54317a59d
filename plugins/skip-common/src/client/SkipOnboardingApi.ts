import type {
  TeamPrefix,
  TeamPrefixList,
  OnboardingApprovalResult,
  OnboardingPlan,
  PrefixRequest,
  PrefixRequestInput,
  PrefixRequestState,
  PrefixValidation,
} from '../onboarding/types';

/** Client of the skip-onboarding backend: teams claim namespace prefixes, the platform team decides. */
export interface SkipOnboardingApi {
  /** Every prefix with its team, clusters and namespaces, and what the caller may do. */
  listPrefixes(options?: { namespaces?: boolean }): Promise<TeamPrefixList>;
  /** Checks a prefix for a team without asking for it. */
  validatePrefix(input: PrefixRequestInput): Promise<PrefixValidation>;
  /** Requests, newest first. */
  listRequests(query?: {
    team?: string;
    state?: PrefixRequestState;
  }): Promise<{ items: PrefixRequest[] }>;
  /** Asks for a prefix; a 409 says which claimed prefix it overlaps. */
  createRequest(input: PrefixRequestInput): Promise<PrefixRequest>;
  getRequest(requestId: string): Promise<PrefixRequest>;
  /** What approving would write on each Argo CD instance's cluster. */
  planRequest(requestId: string): Promise<OnboardingPlan>;
  approveRequest(
    requestId: string,
    reason?: string,
  ): Promise<OnboardingApprovalResult>;
  rejectRequest(requestId: string, reason: string): Promise<PrefixRequest>;
  /** Retires a prefix; refused while namespaces under it exist unless forced. */
  retirePrefix(
    prefix: string,
    reason: string,
    force?: boolean,
  ): Promise<TeamPrefix>;
  /** The prefix's AppProject and ApplicationSet as YAML. */
  exportPrefix(prefix: string): Promise<{ yaml: string }>;
}
