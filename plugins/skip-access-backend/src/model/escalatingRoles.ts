import type { LivePolicyRule } from './types';

/** ClusterRoles that are escalating whatever their rules say (the default of the config). */
export const DEFAULT_ESCALATING_ROLES: readonly string[] = ['cluster-admin'];

const RBAC_API_GROUP = 'rbac.authorization.k8s.io';
/** Verbs that let a subject grant itself more than the role names. */
const ESCALATION_VERBS = new Set(['*', 'escalate', 'bind', 'impersonate']);
const WRITE_VERBS = new Set([
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  '*',
]);
/**
 * Writing these binds any ClusterRole anywhere. Writing namespaced rolebindings is left out:
 * RBAC's own escalation check bounds it to what the writer holds, so stock `admin` is not escalating.
 */
const CLUSTER_RBAC_RESOURCES = ['clusterroles', 'clusterrolebindings'];

/**
 * Whether a ClusterRole can grant more than it names, so that binding it needs the
 * escalation approval: it is configured as such, or one of its rules holds an escalation
 * verb, writes everything, or writes cluster-wide RBAC. A role not found on the cluster
 * (`clusterRoleRules` undefined) is escalating only when configured.
 */
export function isEscalatingRole(
  role: string,
  clusterRoleRules: LivePolicyRule[] | undefined,
  alwaysEscalating: ReadonlySet<string>,
): boolean {
  if (alwaysEscalating.has(role)) return true;
  return (clusterRoleRules ?? []).some(isEscalatingRule);
}

function isEscalatingRule(rule: LivePolicyRule): boolean {
  const verbs = rule.verbs ?? [];
  const apiGroups = rule.apiGroups ?? [];
  const resources = rule.resources ?? [];
  const writes = verbs.some(v => WRITE_VERBS.has(v));
  if (
    verbs.some(v => ESCALATION_VERBS.has(v)) &&
    !isServiceAccountImpersonation(rule)
  )
    return true;
  if (writes && apiGroups.includes('*') && resources.includes('*')) return true;
  const rbacGroup =
    apiGroups.includes(RBAC_API_GROUP) || apiGroups.includes('*');
  const clusterRbac = resources.some(
    r => r === '*' || CLUSTER_RBAC_RESOURCES.includes(r),
  );
  return writes && rbacGroup && clusterRbac;
}

/**
 * Stock `edit` and `admin` may impersonate the service accounts of their namespace (through
 * `system:aggregate-to-edit`); that is what the namespace's workloads can already do, not
 * an escalation beyond the namespace. Impersonating users, groups or anything else is.
 */
function isServiceAccountImpersonation(rule: LivePolicyRule): boolean {
  const verbs = rule.verbs ?? [];
  return (
    verbs.length > 0 &&
    verbs.every(v => v === 'impersonate') &&
    (rule.apiGroups ?? []).every(g => g === '') &&
    (rule.resources ?? []).length > 0 &&
    (rule.resources ?? []).every(r => r === 'serviceaccounts')
  );
}

const ROLE_RANKS = new Map<string, number>([
  ['view', 1],
  ['edit', 2],
  ['admin', 3],
  ['cluster-admin', 4],
]);

/** How much a stock ClusterRole gives (view 1 … cluster-admin 4), to tell whether one covers another; undefined for any other role. */
export function roleRank(role: string): number | undefined {
  return ROLE_RANKS.get(role);
}
