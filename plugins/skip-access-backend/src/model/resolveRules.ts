import {
  ANNOTATION_IAM_GROUPS,
  ANNOTATION_NAMESPACE_PREFIX,
} from '@internal/plugin-skip-common';
import { bindingKey, compareBindingPlaces, compareText } from './bindingKey';
import { bindingName } from './bindingName';
import { findGroup } from './groupRef';
import type {
  AccessCluster,
  AccessGroupInfo,
  DesiredBinding,
  SourcedRule,
} from './types';

type RuleScope = Pick<SourcedRule, 'clusters'>;

/**
 * The clusters a rule covers. Rules for all clusters or an environment cover user clusters
 * only: an admin cluster runs no team workloads and is bound only by naming it.
 */
export function ruleClusters(
  rule: RuleScope,
  clusters: AccessCluster[],
): AccessCluster[] {
  const scope = rule.clusters;
  const covered = clusters.filter(cluster => {
    if (scope.type === 'cluster') return cluster.name === scope.cluster;
    if (cluster.role !== 'user') return false;
    return scope.type === 'all' || cluster.environment === scope.environment;
  });
  return covered.sort((a, b) => compareText(a.name, b.name));
}

/**
 * Why a rule produces no bindings at all, each as a sentence for the rules page; empty when it
 * is in force. An environment without clusters is not a problem: clusters may join it later.
 */
export function ruleProblems(
  rule: SourcedRule,
  groups: AccessGroupInfo[],
  clusters: AccessCluster[],
): string[] {
  const problems: string[] = [];
  const group = findGroup(groups, rule.group);
  if (!group) {
    problems.push(`group '${rule.group}' is not in the catalog`);
  } else if (iamGroupsOf(group).length === 0) {
    problems.push(
      `group '${rule.group}' has no ${ANNOTATION_IAM_GROUPS} annotation`,
    );
  }
  if (rule.namespaces.type === 'team-prefix') {
    const teamRef = rule.namespaces.team ?? '';
    const team = findGroup(groups, teamRef);
    if (!team) {
      problems.push(`team '${teamRef}' is not in the catalog`);
    } else if (!team.prefix) {
      problems.push(
        `team '${teamRef}' has no ${ANNOTATION_NAMESPACE_PREFIX} annotation`,
      );
    }
  }
  if (
    rule.clusters.type === 'cluster' &&
    !clusters.some(c => c.name === rule.clusters.cluster)
  ) {
    problems.push(`cluster '${rule.clusters.cluster}' is not a known cluster`);
  }
  return problems;
}

/**
 * The bindings the rules want on one cluster, given the namespaces it has now. A prefix rule
 * binds every namespace with the prefix that exists, so a namespace created later gets its
 * binding on the next run; a named namespace that does not exist yet gets none until it does.
 * With `namespaces` undefined (the cluster could not be read) only cluster-wide rules bind.
 * Rules with problems bind nothing. When two rules want the same binding, the first wins.
 */
export function desiredBindings(
  rules: SourcedRule[],
  groups: AccessGroupInfo[],
  cluster: AccessCluster,
  namespaces: string[] | undefined,
  isEscalating: (role: string) => boolean,
  options: {
    /** Namespaces a team prefix never reaches (the platform's), whatever the prefix. */
    isSystemNamespace?: (namespace: string) => boolean;
    /** Stamped on each binding (see ruleFingerprint). */
    fingerprintOf?: (rule: SourcedRule) => string;
  } = {},
): DesiredBinding[] {
  const byKey = new Map<string, DesiredBinding>();
  for (const rule of rules) {
    if (ruleClusters(rule, [cluster]).length === 0) continue;
    if (ruleProblems(rule, groups, [cluster]).length > 0) continue;
    const group = findGroup(groups, rule.group)!;
    const base = {
      cluster: cluster.name,
      name: bindingName(rule.id, rule.role),
      role: rule.role,
      groups: iamGroupsOf(group),
      groupRef: group.ref,
      ruleId: rule.id,
      escalating: isEscalating(rule.role),
      ...(options.fingerprintOf
        ? { ruleFingerprint: options.fingerprintOf(rule) }
        : {}),
    };
    const places: DesiredBinding[] =
      rule.namespaces.type === 'cluster-wide'
        ? [{ ...base, kind: 'ClusterRoleBinding' }]
        : ruleNamespaces(
            rule,
            groups,
            namespaces,
            options.isSystemNamespace,
          ).map(namespace => ({
            ...base,
            kind: 'RoleBinding',
            namespace,
          }));
    for (const binding of places) {
      const key = bindingKey(binding);
      if (!byKey.has(key)) byKey.set(key, binding);
    }
  }
  return [...byKey.values()].sort(compareBindingPlaces);
}

/** The existing namespaces a namespace-scoped rule binds in. */
function ruleNamespaces(
  rule: SourcedRule,
  groups: AccessGroupInfo[],
  namespaces: string[] | undefined,
  isSystemNamespace: (namespace: string) => boolean = () => false,
): string[] {
  if (!namespaces) return [];
  const existing = new Set(namespaces);
  if (rule.namespaces.type === 'names') {
    return (rule.namespaces.names ?? []).filter(n => existing.has(n));
  }
  const prefix = findGroup(groups, rule.namespaces.team ?? '')?.prefix;
  if (!prefix) return [];
  return [...existing].filter(
    n => n.startsWith(prefix) && !isSystemNamespace(n),
  );
}

/** A group's IAM group emails as Group subjects: sorted, each once, blanks dropped. */
function iamGroupsOf(group: AccessGroupInfo): string[] {
  return [
    ...new Set(group.iamGroups.map(g => g.trim()).filter(Boolean)),
  ].sort();
}
