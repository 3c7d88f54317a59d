/**
 * The name of the binding a rule makes for a role: `skip-<ruleId>-<role>`. The role is part of
 * the name because a binding's roleRef cannot change in Kubernetes: a rule whose role changes
 * gets a new binding (create) and its old one goes (delete), never an update that would fail.
 * The same rule and role always give the same name, so a plan finds what it applied before.
 */
export function bindingName(ruleId: string, role: string): string {
  return `skip-${ruleId}-${sanitiseRole(role)}`;
}

/**
 * A ClusterRole name as part of an object name (a DNS subdomain): lower case, anything but
 * letters, digits, `.` and `-` becomes `-` (`system:aggregate-to-view` → `system-aggregate-to-view`).
 */
function sanitiseRole(role: string): string {
  return (
    role
      .toLowerCase()
      .replace(/[^a-z0-9.-]/g, '-')
      .replace(/-+/g, '-')
      // A dot next to a dash or another dot is not a valid DNS subdomain.
      .replace(/[-.]*\.[-.]*/g, '.')
      .replace(/^[-.]+|[-.]+$/g, '')
  );
}
