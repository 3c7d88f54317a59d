export interface Config {
  skip?: {
    /** Teams claim namespace prefixes (the skip-onboarding backend). Validated at start-up; errors name the key. */
    onboarding?: {
      /** Namespace names no prefix may take in. */
      reservedNames?: string[];
      /** Prefixes no team may claim or overlap. */
      reservedPrefixes?: string[];
      /** Room a prefix must leave for the rest of a namespace name (default 10). */
      minimumSuffixLength?: number;
      /** Approve every valid request at once (default false). */
      autoApprove?: boolean;
      /** The team's apps repository; `{team}` is the team's name. */
      appsRepoUrlTemplate?: string;
      /** Which environments' clusters each Argo CD instance deploys to. */
      argocd?: Array<{ instance: string; environments: string[] }>;
      /** The platform's GitOps repository, where approvals are also committed on a branch. */
      gitops?: {
        repository: string;
        baseBranch?: string;
        createIfMissing?: boolean;
      };
    };
  };
}
