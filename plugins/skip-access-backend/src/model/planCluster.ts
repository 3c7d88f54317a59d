import {
  AccessBindingChange,
  AccessBindingConflict,
  RBAC_MANAGED_BY_LABEL,
  RBAC_MANAGED_BY_VALUE,
  RBAC_RULE_LABEL,
} from '@internal/plugin-skip-common';
import { stringify } from 'yaml';
import { bindingDifferences } from './bindingDifferences';
import {
  bindingKey,
  compareBindingPlaces,
  compareText,
  describePlace,
} from './bindingKey';
import { bindingManifest, isManaged } from './bindingManifest';
import { lineDiff } from './lineDiff';
import type {
  ClusterSnapshot,
  DesiredBinding,
  LiveBinding,
  PlannedChange,
} from './types';

/** What applying the rules would change on one cluster. */
export type ClusterPlanResult = {
  changes: PlannedChange[];
  /** Same-name bindings the portal does not own: left alone, never in `changes`. */
  conflicts: AccessBindingConflict[];
  /** Managed bindings already as desired. */
  unchanged: number;
};

/**
 * Compares the bindings the rules want with the cluster's: creates what is missing, updates
 * managed bindings that differ, deletes managed bindings no rule wants. A binding without the
 * portal's managed-by label is never changed or deleted, even when it has the name the portal
 * wants: it is a conflict for a person to resolve.
 */
export function planCluster(
  desired: DesiredBinding[],
  snapshot: ClusterSnapshot,
): ClusterPlanResult {
  const liveByKey = new Map(snapshot.bindings.map(b => [bindingKey(b), b]));
  const desiredKeys = new Set(desired.map(bindingKey));
  const changes: PlannedChange[] = [];
  const conflicts: AccessBindingConflict[] = [];
  let unchanged = 0;

  for (const want of desired) {
    const live = liveByKey.get(bindingKey(want));
    if (!live) {
      changes.push({ change: createChange(want), desired: want });
    } else if (!isManaged(live)) {
      conflicts.push({
        kind: want.kind,
        ...(want.namespace ? { namespace: want.namespace } : {}),
        name: want.name,
        reason: `${describePlace(
          want,
        )} exists and is not the portal's (no ${RBAC_MANAGED_BY_LABEL}=${RBAC_MANAGED_BY_VALUE} label), so it is left alone; rule ${
          want.ruleId
        } cannot bind ${want.role} there until it is renamed or removed`,
      });
    } else {
      const differences = bindingDifferences(want, live);
      if (differences.length === 0) {
        unchanged++;
      } else {
        changes.push({
          change: updateChange(want, live, differences),
          desired: want,
          live,
        });
      }
    }
  }
  for (const live of snapshot.bindings) {
    if (isManaged(live) && !desiredKeys.has(bindingKey(live))) {
      changes.push({ change: deleteChange(live), live });
    }
  }
  changes.sort((a, b) => compareBindingPlaces(a.change, b.change));
  conflicts.sort(compareBindingPlaces);
  return { changes, conflicts, unchanged };
}

function createChange(want: DesiredBinding): AccessBindingChange {
  const where = want.namespace
    ? `in namespace ${want.namespace}`
    : 'cluster-wide';
  return {
    ...changeOf(want),
    action: 'create',
    reason: `rule ${want.ruleId} gives ${want.groupRef} ${want.role} ${where}`,
    diff: lineDiff('', diffText(wantedView(want))),
  };
}

function updateChange(
  want: DesiredBinding,
  live: LiveBinding,
  differences: string[],
): AccessBindingChange {
  return {
    ...changeOf(want),
    action: 'update',
    reason: differences.join('; '),
    diff: lineDiff(diffText(liveView(live)), diffText(wantedView(want))),
  };
}

function deleteChange(live: LiveBinding): AccessBindingChange {
  const ruleId = live.labels[RBAC_RULE_LABEL];
  return {
    action: 'delete',
    kind: live.kind,
    ...(live.namespace ? { namespace: live.namespace } : {}),
    name: live.name,
    role: live.roleRef.name,
    groups: groupSubjects(live),
    ruleIds: ruleId ? [ruleId] : [],
    escalating: false,
    reason: ruleId
      ? `no rule wants it any more (it came from rule ${ruleId})`
      : `no rule wants it any more (it has no ${RBAC_RULE_LABEL} label)`,
    diff: lineDiff(diffText(liveView(live)), ''),
  };
}

function changeOf(want: DesiredBinding) {
  return {
    kind: want.kind,
    ...(want.namespace ? { namespace: want.namespace } : {}),
    name: want.name,
    role: want.role,
    groups: want.groups,
    ruleIds: [want.ruleId],
    escalating: want.escalating,
  };
}

/** The part of a binding a person needs to see in a diff: what it grants to whom, and its owner. */
type DiffView = {
  roleRef: { kind: string; name: string };
  subjects: { kind: string; name: string; namespace?: string }[];
  labels: Record<string, string>;
};

function wantedView(want: DesiredBinding): DiffView {
  const manifest = bindingManifest(want);
  return {
    roleRef: { kind: manifest.roleRef.kind, name: manifest.roleRef.name },
    subjects: manifest.subjects.map(s => ({ kind: s.kind, name: s.name })),
    labels: manifest.metadata.labels,
  };
}

/** Only the portal's own labels: the others are not the portal's to change, so not in its diff. */
function liveView(live: LiveBinding): DiffView {
  const labels: Record<string, string> = {};
  for (const key of [RBAC_MANAGED_BY_LABEL, RBAC_RULE_LABEL]) {
    if (live.labels[key] !== undefined) labels[key] = live.labels[key];
  }
  return {
    roleRef: { kind: live.roleRef.kind, name: live.roleRef.name },
    subjects: [...live.subjects]
      .sort(
        (a, b) => compareText(a.kind, b.kind) || compareText(a.name, b.name),
      )
      .map(s => ({
        kind: s.kind,
        name: s.name,
        ...(s.namespace ? { namespace: s.namespace } : {}),
      })),
    labels,
  };
}

function diffText(view: DiffView): string {
  return stringify(view, { sortMapEntries: false });
}

function groupSubjects(live: LiveBinding): string[] {
  return [
    ...new Set(live.subjects.filter(s => s.kind === 'Group').map(s => s.name)),
  ].sort();
}
