import type {
  AccessClusterDrift,
  AccessRuleInput,
} from '@internal/plugin-skip-common';
import type { AppliedBinding, AppliedBindingKey } from '../model/types';

export type { AppliedBinding };

/** A rule stored in the database, with who wrote it. */
export type StoredRule = {
  rule: AccessRuleInput;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
};

/** What the access plugin keeps: rules written in the portal, what it applied, the last drift check. */
export interface AccessStore {
  listRules(): Promise<StoredRule[]>;
  getRule(id: string): Promise<StoredRule | undefined>;
  /** Throws ConflictError when the id is taken (checked by the primary key, not only in code). */
  createRule(rule: AccessRuleInput, actor: string): Promise<StoredRule>;
  /** Throws NotFoundError when there is no such rule. */
  updateRule(rule: AccessRuleInput, actor: string): Promise<StoredRule>;
  /** False when there was no such rule. */
  deleteRule(id: string): Promise<boolean>;

  appliedBindings(cluster?: string): Promise<AppliedBinding[]>;
  /** Records applies and deletes of one cluster in one transaction. */
  recordApplied(
    cluster: string,
    applied: AppliedBinding[],
    deleted: AppliedBindingKey[],
  ): Promise<void>;

  saveDrift(report: AccessClusterDrift, checkedAt: Date): Promise<void>;
  listDrift(): Promise<{ report: AccessClusterDrift; checkedAt: Date }[]>;
}
