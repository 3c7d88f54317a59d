import { bindingKey } from './bindingKey';
import type { AppliedBinding, PlannedChange } from './types';

/** What a plan change would repeat of an earlier apply, if anything. */
function earlierApply(
  planned: PlannedChange,
  applied: AppliedBinding[],
): 'same-binding' | 'same-rule-elsewhere' | undefined {
  const { desired } = planned;
  if (!desired?.ruleFingerprint) return undefined;
  const key = bindingKey(desired);
  const sameRule = applied.filter(
    a =>
      a.ruleId === desired.ruleId &&
      a.ruleFingerprint === desired.ruleFingerprint &&
      a.kind === desired.kind &&
      a.name === desired.name,
  );
  if (sameRule.some(a => bindingKey(a) === key)) return 'same-binding';
  if (desired.kind === 'RoleBinding' && sameRule.length > 0) {
    return 'same-rule-elsewhere';
  }
  return undefined;
}

/**
 * The creates the drift check may make on its own: a RoleBinding of a rule that a person
 * applied on this cluster, unchanged since (same fingerprint), in a namespace that has appeared
 * since. Never an escalating one, never a new or edited rule: those wait for a plan.
 */
export function newNamespaceCreates(
  changes: PlannedChange[],
  applied: AppliedBinding[],
): PlannedChange[] {
  return changes.filter(
    c =>
      c.change.action === 'create' &&
      !c.change.escalating &&
      earlierApply(c, applied) === 'same-rule-elsewhere',
  );
}

/**
 * What a repair writes without a previewed plan: bindings a person applied, with the rule
 * unchanged since, that were changed or deleted by hand, and the bindings of those rules in
 * new namespaces. A rule added or edited since, and a binding no rule wants any more, wait for
 * a plan and its apply.
 */
export function repairChanges(
  changes: PlannedChange[],
  applied: AppliedBinding[],
): PlannedChange[] {
  return changes.filter(
    c => c.change.action !== 'delete' && earlierApply(c, applied) !== undefined,
  );
}
