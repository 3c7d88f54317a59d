import { RBAC_RULE_LABEL } from '@internal/plugin-skip-common';
import type { DesiredBinding, LiveBinding, LiveSubject } from './types';

/**
 * How a binding the portal manages differs from what its rule wants, one phrase per
 * difference ("roleRef is view, rule wants edit"); empty when it is as wanted. Compares what
 * the portal writes: the roleRef, the subjects and the rule label. A subject of another kind
 * added by hand (a User, a ServiceAccount) is a difference: the portal's binding grants only
 * to the group's IAM groups.
 */
export function bindingDifferences(
  desired: DesiredBinding,
  live: LiveBinding,
): string[] {
  const differences: string[] = [];
  if (live.roleRef.kind !== 'ClusterRole') {
    differences.push(
      `roleRef is ${live.roleRef.kind} ${live.roleRef.name}, rule wants ClusterRole ${desired.role}`,
    );
  } else if (live.roleRef.name !== desired.role) {
    differences.push(
      `roleRef is ${live.roleRef.name}, rule wants ${desired.role}`,
    );
  }
  const wanted = new Set(desired.groups);
  const present = new Set(live.subjects.map(subjectText));
  const missing = desired.groups.filter(g => !present.has(g));
  const extra = [...present].filter(s => !wanted.has(s)).sort();
  if (missing.length || extra.length) {
    const parts = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      extra.length ? `extra ${extra.join(', ')}` : '',
    ].filter(Boolean);
    differences.push(
      `subjects differ from the group's IAM groups (${parts.join('; ')})`,
    );
  }
  const ruleLabel = live.labels[RBAC_RULE_LABEL];
  if (ruleLabel !== desired.ruleId) {
    differences.push(
      ruleLabel === undefined
        ? `label ${RBAC_RULE_LABEL} is missing, rule is ${desired.ruleId}`
        : `label ${RBAC_RULE_LABEL} is ${ruleLabel}, rule is ${desired.ruleId}`,
    );
  }
  return differences;
}

/** A Group subject as its email (as rules name them); any other subject with its kind. */
function subjectText(subject: LiveSubject): string {
  if (subject.kind === 'Group') return subject.name;
  return `${subject.kind} ${subject.namespace ? `${subject.namespace}/` : ''}${
    subject.name
  }`;
}
