import type { AccessDriftFinding } from '@internal/plugin-skip-common';
import { bindingDifferences } from './bindingDifferences';
import {
  BindingPlace,
  bindingKey,
  compareBindingPlaces,
  compareText,
  describePlace,
} from './bindingKey';
import { isManaged } from './bindingManifest';
import { roleRank } from './escalatingRoles';
import { normaliseGroupRef } from './groupRef';
import type {
  AccessGroupInfo,
  AppliedBindingKey,
  ClusterSnapshot,
  DesiredBinding,
  LiveBinding,
} from './types';

/**
 * How a cluster's bindings have drifted from the rules. Deleted, missing and modified managed
 * bindings are repairable (an apply writes them again); a same-name binding the portal does not
 * own and a hand-made binding giving a managed group more than its rules are not: a person
 * must look at them. A managed binding no rule wants is not drift but a pending delete of the plan.
 *
 * @param applied the bindings the portal applied before (on any cluster), to tell "deleted by
 *   hand" from "never applied"
 * @param managedGroupRefs the groups whose access the rules manage (those with rules), whose
 *   hand-made grants are checked against their rules
 */
export function findDrift(
  desired: DesiredBinding[],
  snapshot: ClusterSnapshot,
  applied: AppliedBindingKey[],
  groups: AccessGroupInfo[],
  managedGroupRefs: ReadonlySet<string>,
): AccessDriftFinding[] {
  const liveByKey = new Map(snapshot.bindings.map(b => [bindingKey(b), b]));
  const appliedHere = applied.filter(a => a.cluster === snapshot.cluster);
  const appliedKeys = new Set(appliedHere.map(bindingKey));
  const findings: AccessDriftFinding[] = [];

  for (const want of desired) {
    const live = liveByKey.get(bindingKey(want));
    if (!live && appliedKeys.has(bindingKey(want))) {
      findings.push(finding('deleted', want, 'deleted by hand', true));
    } else if (!live) {
      findings.push(
        finding('missing', want, missingDetail(want, appliedHere), true),
      );
    } else if (!isManaged(live)) {
      findings.push(
        finding(
          'conflict',
          want,
          `a ${want.kind} of this name exists and is not the portal's; rule ${want.ruleId} cannot bind ${want.role} here`,
          false,
        ),
      );
    } else {
      const differences = bindingDifferences(want, live);
      if (differences.length) {
        findings.push(finding('modified', want, differences.join('; '), true));
      }
    }
  }
  findings.push(...excessGrants(desired, snapshot, groups, managedGroupRefs));
  return findings.sort(
    (a, b) =>
      compareBindingPlaces(a, b) ||
      compareText(a.type, b.type) ||
      compareText(a.detail, b.detail),
  );
}

function finding(
  type: AccessDriftFinding['type'],
  place: BindingPlace,
  detail: string,
  repairable: boolean,
): AccessDriftFinding {
  return {
    type,
    kind: place.kind,
    ...(place.namespace ? { namespace: place.namespace } : {}),
    name: place.name,
    detail,
    repairable,
  };
}

/**
 * Why a wanted binding was never applied. When the rule's binding was applied in other
 * namespaces of the cluster, the namespace is newer than the apply (a prefix rule's new namespace).
 */
function missingDetail(
  want: DesiredBinding,
  appliedHere: AppliedBindingKey[],
): string {
  const appliedElsewhere = appliedHere.some(
    a =>
      a.kind === want.kind &&
      a.name === want.name &&
      a.namespace !== want.namespace,
  );
  if (want.namespace && appliedElsewhere) {
    return `namespace ${want.namespace} appeared after rule ${want.ruleId} was applied`;
  }
  return `not applied yet (rule ${want.ruleId})`;
}

/**
 * Hand-made bindings that give a managed group a role its rules do not give it there. A rule's
 * role covers a granted one when it is the same, or ranks at least as high (view < edit <
 * admin < cluster-admin); a cluster-wide rule covers every namespace.
 */
function excessGrants(
  desired: DesiredBinding[],
  snapshot: ClusterSnapshot,
  groups: AccessGroupInfo[],
  managedGroupRefs: ReadonlySet<string>,
): AccessDriftFinding[] {
  const managed = new Set([...managedGroupRefs].map(normaliseGroupRef));
  const groupsByEmail = new Map<string, string[]>();
  for (const group of groups) {
    const ref = normaliseGroupRef(group.ref);
    if (!managed.has(ref)) continue;
    for (const email of group.iamGroups) {
      const key = email.trim().toLowerCase();
      groupsByEmail.set(key, [...(groupsByEmail.get(key) ?? []), ref]);
    }
  }
  const findings: AccessDriftFinding[] = [];
  for (const live of snapshot.bindings) {
    if (isManaged(live)) continue;
    for (const subject of live.subjects) {
      if (subject.kind !== 'Group') continue;
      for (const ref of groupsByEmail.get(subject.name.toLowerCase()) ?? []) {
        const rulesHere = desired.filter(
          d =>
            normaliseGroupRef(d.groupRef) === ref &&
            (d.kind === 'ClusterRoleBinding' ||
              (live.kind === 'RoleBinding' && d.namespace === live.namespace)),
        );
        if (rulesHere.some(d => covers(d.role, live))) continue;
        const given = [...new Set(rulesHere.map(d => d.role))].sort(
          compareText,
        );
        findings.push(
          finding(
            'excess-grant',
            live,
            `${describePlace(live)} gives ${subject.name} ${grantedRole(
              live,
            )}; its rules (${ref}) give ${
              given.length ? given.join(', ') : 'nothing here'
            }`,
            false,
          ),
        );
      }
    }
  }
  return findings;
}

/** Whether a rule's ClusterRole gives at least what a binding's roleRef does. */
function covers(ruleRole: string, live: LiveBinding): boolean {
  // A namespace's own Role is not a rule's ClusterRole, whatever its name.
  if (live.roleRef.kind !== 'ClusterRole') return false;
  if (ruleRole === live.roleRef.name) return true;
  const ruleRank = roleRank(ruleRole);
  const liveRank = roleRank(live.roleRef.name);
  return (
    ruleRank !== undefined && liveRank !== undefined && ruleRank >= liveRank
  );
}

function grantedRole(live: LiveBinding): string {
  return live.roleRef.kind === 'ClusterRole'
    ? live.roleRef.name
    : `${live.roleRef.kind} ${live.roleRef.name}`;
}
