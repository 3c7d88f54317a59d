import type {
  OnboardingPlan,
  OnboardingRights,
  PrefixRequest,
  TeamPrefix,
} from '@internal/plugin-skip-common';

/** Rights of the platform team (Pia): deciding, and asking only for its own team. */
export const PLATFORM_ONBOARDING_RIGHTS: OnboardingRights = {
  decide: true,
  requestFor: ['group:default/skip'],
};

/** Rights of a developer in newteam and matrikkel (Mats): asking for those two, nothing else. */
export const DEVELOPER_ONBOARDING_RIGHTS: OnboardingRights = {
  decide: false,
  requestFor: ['group:default/newteam', 'group:default/matrikkel'],
};

/** A prefix; seeiendom's catalog prefix with one namespace, unless overridden. */
export function teamPrefix(overrides: Partial<TeamPrefix> = {}): TeamPrefix {
  return {
    prefix: 'seeiendom-',
    team: 'group:default/seeiendom',
    state: 'active',
    source: 'catalog',
    clusters: ['atkv3-dev', 'atkv3-prod'],
    namespaces: [
      {
        cluster: 'atkv3-dev',
        namespace: 'seeiendom-api-main',
        owner: 'group:default/seeiendom',
      },
    ],
    ...overrides,
  };
}

/** The demo's prefixes: two from the catalog, one granted here and retired since. */
export function teamPrefixes(): TeamPrefix[] {
  return [
    teamPrefix(),
    teamPrefix({
      prefix: 'matrikkel-',
      team: 'group:default/matrikkel',
      clusters: ['atkv3-dev', 'atgcp1-dev'],
      namespaces: [
        { cluster: 'atkv3-dev', namespace: 'matrikkel-api-main' },
        { cluster: 'atgcp1-dev', namespace: 'matrikkel-gateway-main' },
      ],
    }),
    teamPrefix({
      prefix: 'oldteam-',
      team: 'group:default/oldteam',
      state: 'retired',
      source: 'onboarding',
      requestId: 'req-old',
      namespaces: [],
      retiredBy: 'user:default/pia',
      retiredAt: '2025-01-05T09:00:00Z',
    }),
  ];
}

/** A request; Mats's pending request for newteam-, unless overridden. */
export function prefixRequest(
  overrides: Partial<PrefixRequest> = {},
): PrefixRequest {
  return {
    id: 'req-newteam',
    team: 'group:default/newteam',
    prefix: 'newteam-',
    reason: 'Our first apps',
    state: 'pending',
    requestedBy: 'user:default/mats',
    requestedAt: '2025-01-12T10:00:00Z',
    history: [
      {
        at: '2025-01-12T10:00:00Z',
        actor: 'user:default/mats',
        action: 'requested',
      },
    ],
    ...overrides,
  };
}

/** The demo's requests, newest first: newteam's pending one and matrikkel's rejected one. */
export function prefixRequests(): PrefixRequest[] {
  return [
    prefixRequest(),
    prefixRequest({
      id: 'req-mat',
      team: 'group:default/matrikkel',
      prefix: 'mat-',
      reason: undefined,
      state: 'rejected',
      requestedAt: '2025-01-10T10:00:00Z',
      decidedBy: 'user:default/pia',
      decidedAt: '2025-01-11T08:00:00Z',
      decision: 'Too short; use matrikkel-',
      history: [
        {
          at: '2025-01-10T10:00:00Z',
          actor: 'user:default/mats',
          action: 'requested',
        },
        {
          at: '2025-01-11T08:00:00Z',
          actor: 'user:default/pia',
          action: 'rejected',
          message: 'Too short; use matrikkel-',
        },
      ],
    }),
  ];
}

/** What approving a request writes: an AppProject and an ApplicationSet on each Argo CD instance. */
export function onboardingPlan(request: PrefixRequest): OnboardingPlan {
  const name = request.prefix.replace(/-$/, '');
  const objects = ['argocd-nonprod', 'argocd-prod'].flatMap(instance => {
    const cluster =
      instance === 'argocd-prod' ? 'atkv3-admin-prod' : 'atkv3-admin-nonprod';
    return (['AppProject', 'ApplicationSet'] as const).map(kind => ({
      instance,
      cluster,
      kind,
      namespace: 'argocd',
      name,
      action: 'create' as const,
      yaml: `apiVersion: argoproj.io/v1alpha1\nkind: ${kind}\nmetadata:\n  name: ${name}\n  namespace: argocd\n# on ${instance}\n`,
    }));
  });
  return {
    team: request.team,
    prefix: request.prefix,
    objects,
    accessRule: `edit for ${request.team} in ${request.prefix}* on every cluster`,
    unreachable: [],
  };
}
