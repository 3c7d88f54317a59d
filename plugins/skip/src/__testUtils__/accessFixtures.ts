import type {
  AccessClusterPlan,
  AccessDriftReport,
  AccessPlan,
  AccessRule,
  AccessRulesResponse,
  EffectiveAccess,
} from '@internal/plugin-skip-common';

/** Rights of the platform team: everything. */
export const PLATFORM_RIGHTS = {
  writeRules: true,
  apply: true,
  approveEscalation: true,
};

/** Rights of a developer: reading only. */
export const DEVELOPER_RIGHTS = {
  writeRules: false,
  apply: false,
  approveEscalation: false,
};

/** A rule from the database, by default. */
export function accessRule(
  id: string,
  overrides: Partial<AccessRule> = {},
): AccessRule {
  return {
    id,
    group: 'group:default/matrikkel',
    role: 'view',
    clusters: { type: 'all' },
    namespaces: { type: 'cluster-wide' },
    source: 'database',
    escalating: false,
    problems: [],
    updatedBy: 'user:default/pia',
    updatedAt: '2025-01-10T10:00:00Z',
    ...overrides,
  };
}

/**
 * The demo's rules: seeiendom's team default (edit in its prefix everywhere), the platform
 * team's cluster-admin from git, matrikkel's view in two dev namespaces, and a rule for a group
 * that does not exist.
 */
export function accessRules(rights = PLATFORM_RIGHTS): AccessRulesResponse {
  return {
    rules: [
      accessRule('team-seeiendom', {
        group: 'group:default/seeiendom',
        role: 'edit',
        namespaces: { type: 'team-prefix', team: 'group:default/seeiendom' },
        source: 'team-default',
        updatedBy: undefined,
      }),
      accessRule('platform-admin', {
        group: 'group:default/skip',
        role: 'cluster-admin',
        source: 'git',
        file: 'platform.yaml',
        escalating: true,
      }),
      accessRule('matrikkel-dev-view', {
        clusters: { type: 'environment', environment: 'dev' },
        namespaces: {
          type: 'names',
          names: ['matrikkel-api', 'matrikkel-web'],
        },
      }),
      accessRule('seeiendom-prod-view', {
        group: 'group:default/seeiendom',
        clusters: { type: 'cluster', cluster: 'atkv3-prod' },
      }),
      accessRule('ghost-view', {
        group: 'group:default/ghost',
        problems: ['group:default/ghost is not in the catalog'],
      }),
    ],
    groups: [
      {
        ref: 'group:default/matrikkel',
        title: 'Matrikkel',
        iamGroups: ['aad-tf-team-matrikkel@kartverket.no'],
        prefix: 'matrikkel-',
      },
      {
        ref: 'group:default/seeiendom',
        title: 'Seeiendom',
        iamGroups: ['aad-tf-team-seeiendom@kartverket.no'],
        prefix: 'seeiendom-',
      },
      {
        ref: 'group:default/skip',
        title: 'SKIP',
        iamGroups: ['aad-skip-platform@kartverket.no'],
      },
    ],
    environments: [
      { environment: 'sandbox', clusters: ['atkv3-sandbox'] },
      { environment: 'dev', clusters: ['atkv3-dev', 'atgcp1-dev'] },
      { environment: 'test', clusters: ['atkv3-test'] },
      { environment: 'prod', clusters: ['atkv3-prod', 'atgcp1-prod'] },
    ],
    sourceErrors: [],
    rights,
  };
}

/** A reachable cluster's plan: one RoleBinding to create for matrikkel. */
export function clusterPlan(
  cluster: string,
  overrides: Partial<AccessClusterPlan> = {},
): AccessClusterPlan {
  return {
    cluster,
    environment: 'dev',
    reachable: true,
    changes: [
      {
        action: 'create',
        kind: 'RoleBinding',
        namespace: 'matrikkel-api',
        name: 'skip-access-matrikkel-dev-view',
        role: 'view',
        groups: ['aad-tf-team-matrikkel@kartverket.no'],
        ruleIds: ['matrikkel-dev-view'],
        escalating: false,
        reason: 'rule matrikkel-dev-view wants view in matrikkel-api',
        diff: [
          { op: '+', text: 'kind: RoleBinding' },
          { op: '+', text: 'roleRef: view' },
        ],
      },
    ],
    conflicts: [],
    unchanged: 2,
    ...overrides,
  };
}

/** A plan for the dev clusters, atgcp1-dev down. */
export function accessPlan(): AccessPlan {
  return {
    digest: 'c'.repeat(64),
    generatedAt: new Date().toISOString(),
    clusters: [
      clusterPlan('atkv3-dev', {
        conflicts: [
          {
            kind: 'RoleBinding',
            namespace: 'matrikkel-web',
            name: 'skip-access-matrikkel-dev-view',
            reason: 'exists without the managed-by label',
          },
        ],
      }),
      clusterPlan('atgcp1-dev', {
        reachable: false,
        error: 'connect ECONNREFUSED 10.0.0.7:443',
        changes: [],
        unchanged: 0,
      }),
    ],
  };
}

/** The last drift check: a binding changed by hand on atkv3-dev. */
export function driftReport(): AccessDriftReport {
  return {
    checkedAt: new Date().toISOString(),
    clusters: [
      {
        cluster: 'atkv3-dev',
        environment: 'dev',
        reachable: true,
        findings: [
          {
            type: 'modified',
            kind: 'RoleBinding',
            namespace: 'matrikkel-api',
            name: 'skip-access-matrikkel-dev-view',
            detail: 'roleRef changed from view to edit',
            repairable: true,
          },
        ],
      },
      {
        cluster: 'atkv3-test',
        environment: 'test',
        reachable: true,
        findings: [],
      },
    ],
  };
}

/** Matrikkel's access: a grant from its rule and one from a binding someone made by hand. */
export function matrikkelAccess(): EffectiveAccess {
  return {
    subject: {
      ref: 'group:default/matrikkel',
      kind: 'group',
      groups: ['group:default/matrikkel'],
      iamGroups: ['aad-tf-team-matrikkel@kartverket.no'],
    },
    grants: [
      {
        cluster: 'atkv3-dev',
        environment: 'dev',
        namespace: 'matrikkel-api',
        role: 'view',
        escalating: false,
        via: 'rule',
        ruleId: 'matrikkel-dev-view',
        subject: 'aad-tf-team-matrikkel@kartverket.no',
      },
      {
        cluster: 'atkv3-test',
        environment: 'test',
        role: 'cluster-admin',
        roleKind: 'ClusterRole',
        escalating: true,
        via: 'binding',
        binding: {
          kind: 'ClusterRoleBinding',
          name: 'old-admins',
          managed: false,
        },
        subject: 'aad-tf-team-matrikkel@kartverket.no',
      },
    ],
    unreachable: [{ cluster: 'atgcp1-dev', error: 'connect ECONNREFUSED' }],
  };
}
