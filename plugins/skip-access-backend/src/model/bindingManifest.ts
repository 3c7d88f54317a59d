import {
  AccessBindingKind,
  RBAC_GROUP_ANNOTATION,
  RBAC_MANAGED_BY_LABEL,
  RBAC_MANAGED_BY_VALUE,
  RBAC_RULE_LABEL,
} from '@internal/plugin-skip-common';
import type { DesiredBinding, LiveBinding } from './types';

const RBAC_API_GROUP = 'rbac.authorization.k8s.io';

/** A RoleBinding or ClusterRoleBinding as the portal writes it. */
export type BindingManifest = {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: AccessBindingKind;
  metadata: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
  };
  roleRef: { apiGroup: string; kind: 'ClusterRole'; name: string };
  subjects: { kind: 'Group'; apiGroup: string; name: string }[];
};

/**
 * The Kubernetes object of a desired binding. The managed-by label is what lets the portal
 * change or delete it later (and never anything without it); the rule label and the group
 * annotation tell a person reading the cluster where it comes from.
 */
export function bindingManifest(desired: DesiredBinding): BindingManifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: desired.kind,
    metadata: {
      name: desired.name,
      ...(desired.kind === 'RoleBinding' && desired.namespace
        ? { namespace: desired.namespace }
        : {}),
      labels: {
        [RBAC_MANAGED_BY_LABEL]: RBAC_MANAGED_BY_VALUE,
        [RBAC_RULE_LABEL]: desired.ruleId,
      },
      annotations: { [RBAC_GROUP_ANNOTATION]: desired.groupRef },
    },
    roleRef: {
      apiGroup: RBAC_API_GROUP,
      kind: 'ClusterRole',
      name: desired.role,
    },
    subjects: desired.groups.map(email => ({
      kind: 'Group',
      apiGroup: RBAC_API_GROUP,
      name: email,
    })),
  };
}

/** Whether the portal owns a binding found on a cluster (and so may change or delete it). */
export function isManaged(live: LiveBinding): boolean {
  return live.labels[RBAC_MANAGED_BY_LABEL] === RBAC_MANAGED_BY_VALUE;
}
