import type {
  AccessApplyResult,
  AccessClusterApplyResult,
  AccessDriftReport,
  AccessExport,
  AccessPlan,
  AccessRule,
  AccessRuleInput,
  AccessRulesResponse,
  AccessRuleValidation,
  EffectiveAccess,
} from '../access/types';

/** Client of the skip-access backend: IAM groups mapped to RBAC on every cluster. */
export interface SkipAccessApi {
  /** Every rule (database, git folder, team defaults), the groups, environments and the caller's rights. */
  listRules(): Promise<AccessRulesResponse>;
  /** Checks a rule without saving it; the verdict names every bad field. */
  validateRule(rule: AccessRuleInput): Promise<AccessRuleValidation>;
  /** Adds a rule; a 400 names the field, a 409 says the id is taken. */
  createRule(rule: AccessRuleInput): Promise<AccessRule>;
  /** Changes a database rule. */
  updateRule(rule: AccessRuleInput): Promise<AccessRule>;
  /** Removes a database rule; its bindings go at the next apply. */
  deleteRule(ruleId: string): Promise<void>;
  /** The plan of every cluster, or of the given ones. */
  getPlan(clusters?: string[]): Promise<AccessPlan>;
  /** Applies the previewed plan (its digest); each cluster succeeds or fails on its own. */
  applyPlan(
    planDigest: string,
    clusters?: string[],
  ): Promise<AccessApplyResult>;
  /** The last drift check. */
  getDrift(): Promise<AccessDriftReport>;
  /** Runs the drift check now. */
  checkDrift(): Promise<AccessDriftReport>;
  /** Puts one cluster's managed bindings back as the rules want them. */
  repairDrift(cluster: string): Promise<AccessClusterApplyResult>;
  /** A cluster's desired bindings as YAML. */
  exportCluster(cluster: string): Promise<AccessExport>;
  /** What a group or a user can do, where, from rules and from the bindings on the clusters. */
  getEffectiveAccess(
    subject: { group: string } | { user: string },
  ): Promise<EffectiveAccess>;
}
