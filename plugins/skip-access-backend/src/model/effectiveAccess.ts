import { AccessGrant, RBAC_RULE_LABEL } from '@internal/plugin-skip-common';
import { compareText } from './bindingKey';
import { isManaged } from './bindingManifest';
import { normaliseGroupRef } from './groupRef';
import type { ClusterSnapshot, DesiredBinding, LiveBinding } from './types';

/**
 * What the rules give some groups: one grant per binding and IAM group email. Listed whether
 * applied or not, so a person sees what the rules promise even for a cluster that is down.
 */
export function grantsFromRules(
  desired: DesiredBinding[],
  environmentOf: (cluster: string) => string,
  groupRefs: ReadonlySet<string>,
): AccessGrant[] {
  const wanted = new Set([...groupRefs].map(normaliseGroupRef));
  const grants: AccessGrant[] = desired
    .filter(d => wanted.has(normaliseGroupRef(d.groupRef)))
    .flatMap(d =>
      d.groups.map(email => ({
        cluster: d.cluster,
        environment: environmentOf(d.cluster),
        ...(d.namespace ? { namespace: d.namespace } : {}),
        role: d.role,
        roleKind: 'ClusterRole' as const,
        escalating: d.escalating,
        via: 'rule' as const,
        ruleId: d.ruleId,
        subject: email,
      })),
    );
  return grants.sort(compareGrants);
}

/**
 * What a cluster's bindings give, whoever made them: every binding with a Group subject among
 * `iamGroups` or a User subject that is `userEmail` (both compared without regard to case).
 * This is the truth of the cluster, hand-made bindings included.
 */
export function grantsFromBindings(
  snapshot: ClusterSnapshot,
  environment: string,
  iamGroups: ReadonlySet<string>,
  userEmail: string | undefined,
  isEscalating: (role: string) => boolean,
): AccessGrant[] {
  const groupEmails = new Set([...iamGroups].map(g => g.toLowerCase()));
  const user = userEmail?.toLowerCase();
  const grants: AccessGrant[] = [];
  for (const binding of snapshot.bindings) {
    for (const subject of binding.subjects) {
      const name = subject.name.toLowerCase();
      const matches =
        (subject.kind === 'Group' && groupEmails.has(name)) ||
        (subject.kind === 'User' && user !== undefined && name === user);
      if (matches) {
        grants.push(
          bindingGrant(
            snapshot.cluster,
            environment,
            binding,
            subject.name,
            isEscalating,
          ),
        );
      }
    }
  }
  return grants.sort(compareGrants);
}

function bindingGrant(
  cluster: string,
  environment: string,
  binding: LiveBinding,
  subject: string,
  isEscalating: (role: string) => boolean,
): AccessGrant {
  const { roleRef } = binding;
  const managed = isManaged(binding);
  const ruleId = managed ? binding.labels[RBAC_RULE_LABEL] : undefined;
  const roleKind =
    roleRef.kind === 'ClusterRole' || roleRef.kind === 'Role'
      ? roleRef.kind
      : undefined;
  return {
    cluster,
    environment,
    ...(binding.namespace ? { namespace: binding.namespace } : {}),
    role: roleRef.name,
    ...(roleKind ? { roleKind } : {}),
    // A namespace's own Role cannot reach beyond the namespace; only ClusterRoles are judged.
    escalating: roleRef.kind === 'ClusterRole' && isEscalating(roleRef.name),
    via: 'binding',
    ...(ruleId ? { ruleId } : {}),
    binding: {
      kind: binding.kind,
      ...(binding.namespace ? { namespace: binding.namespace } : {}),
      name: binding.name,
      managed,
    },
    subject,
  };
}

/** By cluster, namespace (cluster-wide first) and role, then the rest for a stable order. */
function compareGrants(a: AccessGrant, b: AccessGrant): number {
  return (
    compareText(a.cluster, b.cluster) ||
    compareText(a.namespace ?? '', b.namespace ?? '') ||
    compareText(a.role, b.role) ||
    compareText(a.via, b.via) ||
    compareText(
      a.binding?.name ?? a.ruleId ?? '',
      b.binding?.name ?? b.ruleId ?? '',
    ) ||
    compareText(a.subject, b.subject)
  );
}
