import type {
  PrefixRequest,
  PrefixRequestEvent,
  PrefixRequestState,
} from '@internal/plugin-skip-common';

/** A prefix held by a team (pending while its request waits, active once approved) or given back. */
export type PrefixClaim = {
  prefix: string;
  team: string;
  requestId: string;
  state: 'pending' | 'active' | 'retired';
  createdAt: Date;
  retiredBy?: string;
  retiredAt?: Date;
};

/** What the onboarding plugin keeps: requests with their history, and the prefixes teams hold. */
export interface OnboardingStore {
  /**
   * Records a request and its pending claim in one transaction that holds the claims table
   * exclusively: `overlap` sees every held claim and names the one the new prefix overlaps,
   * which makes the request fail (ConflictError). Of concurrent overlapping requests exactly one
   * is recorded, on SQLite and PostgreSQL alike.
   */
  createRequest(
    request: PrefixRequest,
    overlap: (held: PrefixClaim[]) => string | undefined,
  ): Promise<void>;
  getRequest(id: string): Promise<PrefixRequest | undefined>;
  listRequests(query: {
    team?: string;
    state?: PrefixRequestState;
  }): Promise<PrefixRequest[]>;
  /**
   * Approves or rejects a pending request (ConflictError when it is not pending any more):
   * its claim becomes active, or is given back.
   */
  decide(
    id: string,
    decision: {
      state: 'approved' | 'rejected';
      decidedBy: string;
      decision?: string;
      event: PrefixRequestEvent;
    },
  ): Promise<PrefixRequest>;
  /** Adds to a request's history (what its approval wrote, and where). */
  addEvent(
    id: string,
    event: PrefixRequestEvent,
    gitBranch?: string,
  ): Promise<void>;
  listClaims(): Promise<PrefixClaim[]>;
  /** Gives an active prefix back (ConflictError when it is not active). */
  retire(prefix: string, by: string): Promise<PrefixClaim>;
}
