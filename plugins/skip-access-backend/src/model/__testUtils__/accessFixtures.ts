import {
  RBAC_MANAGED_BY_LABEL,
  RBAC_MANAGED_BY_VALUE,
  RBAC_RULE_LABEL,
} from '@internal/plugin-skip-common';
import { bindingManifest } from '../bindingManifest';
import type {
  AccessCluster,
  AccessGroupInfo,
  ClusterSnapshot,
  LiveBinding,
  PlannedChange,
  SourcedRule,
} from '../types';

/** Two user clusters and an admin cluster. */
export const CLUSTERS: AccessCluster[] = [
  { name: 'atkv3-dev', environment: 'dev', role: 'user' },
  { name: 'atkv3-prod', environment: 'prod', role: 'user' },
  { name: 'atkv3-admin-prod', environment: 'prod', role: 'admin' },
];
export const DEV = CLUSTERS[0];

export const SEEIENDOM_EMAIL = 'aad-tf-team-seeiendom@kartverket.no';
export const PLATFORM_EMAIL = 'aad-tf-team-platform@kartverket.no';

/** A team with a prefix, a group without one, a group without IAM groups. */
export const GROUPS: AccessGroupInfo[] = [
  {
    ref: 'group:default/seeiendom',
    title: 'Seeiendom',
    iamGroups: [SEEIENDOM_EMAIL],
    prefix: 'seeiendom-',
  },
  {
    ref: 'group:default/platform',
    title: 'Platform',
    iamGroups: [PLATFORM_EMAIL, 'aad-tf-platform-oncall@kartverket.no'],
  },
  { ref: 'group:default/noiam', title: 'No IAM', iamGroups: [] },
];

/** A database rule with the fields a test does not care about filled in. */
export function rule(
  overrides: Partial<SourcedRule> & Pick<SourcedRule, 'id'>,
): SourcedRule {
  return {
    group: 'group:default/seeiendom',
    role: 'edit',
    clusters: { type: 'all' },
    namespaces: { type: 'cluster-wide' },
    source: 'database',
    ...overrides,
  };
}

/** A binding someone made by hand (no managed-by label). */
export function handMadeBinding(
  overrides: Partial<LiveBinding> & Pick<LiveBinding, 'kind' | 'name'>,
): LiveBinding {
  return {
    labels: {},
    annotations: {},
    roleRef: { kind: 'ClusterRole', name: 'edit' },
    subjects: [],
    ...overrides,
  };
}

/** A binding the portal made, with its labels. */
export function managedBinding(
  ruleId: string,
  overrides: Partial<LiveBinding> & Pick<LiveBinding, 'kind' | 'name'>,
): LiveBinding {
  return handMadeBinding({
    ...overrides,
    labels: {
      [RBAC_MANAGED_BY_LABEL]: RBAC_MANAGED_BY_VALUE,
      [RBAC_RULE_LABEL]: ruleId,
      ...overrides.labels,
    },
  });
}

export function snapshot(
  overrides: Partial<ClusterSnapshot> = {},
): ClusterSnapshot {
  return {
    cluster: DEV.name,
    namespaces: [
      'default',
      'kube-system',
      'seeiendom-api',
      'seeiendom-web',
      'other-app',
    ],
    bindings: [],
    clusterRoles: {},
    ...overrides,
  };
}

/** The cluster after an apply of a plan's changes, as the portal would write them. */
export function applied(
  before: ClusterSnapshot,
  changes: PlannedChange[],
): ClusterSnapshot {
  const key = (b: { kind: string; namespace?: string; name: string }) =>
    `${b.kind}/${b.namespace ?? ''}/${b.name}`;
  const bindings = new Map(before.bindings.map(b => [key(b), b]));
  for (const { change, desired } of changes) {
    if (change.action === 'delete') {
      bindings.delete(key(change));
    } else {
      const manifest = bindingManifest(desired!);
      bindings.set(key(change), {
        kind: manifest.kind,
        namespace: manifest.metadata.namespace,
        name: manifest.metadata.name,
        labels: { ...manifest.metadata.labels },
        annotations: { ...manifest.metadata.annotations },
        roleRef: { kind: manifest.roleRef.kind, name: manifest.roleRef.name },
        subjects: manifest.subjects.map(s => ({ ...s })),
      });
    }
  }
  return { ...before, bindings: [...bindings.values()] };
}
