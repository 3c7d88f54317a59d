import type { components } from '../generated/skipOnboarding';

type Schemas = components['schemas'];

/** Asking for a prefix for a team. */
export type PrefixRequestInput = Schemas['PrefixRequestInput'];
/** A field of a prefix request that is wrong, and why. */
export type PrefixFieldProblem = Schemas['FieldProblem'];
/** A namespace that exists today and that a prefix would take in. */
export type CapturedNamespace = Schemas['CapturedNamespace'];
/** The verdict on a prefix not yet asked for. */
export type PrefixValidation = Schemas['PrefixValidation'];
/** Where a request stands. */
export type PrefixRequestState = Schemas['RequestState'];
/** One step in a request's history. */
export type PrefixRequestEvent = Schemas['RequestEvent'];
/** A request for a prefix. */
export type PrefixRequest = Schemas['PrefixRequest'];
/** An object an approval writes on an Argo CD instance's cluster. */
export type OnboardingPlannedObject = Schemas['PlannedObject'];
/** What approving a request would write. */
export type OnboardingPlan = Schemas['OnboardingPlan'];
/** A prefix a team holds. */
export type TeamPrefix = Schemas['Prefix'];
/** Prefixes and what the caller may do. */
export type TeamPrefixList = Schemas['PrefixList'];
/** What the caller may do on the onboarding pages. */
export type OnboardingRights = Schemas['OnboardingRights'];
/** What an approval did. */
export type OnboardingApprovalResult = Schemas['ApprovalResult'];
