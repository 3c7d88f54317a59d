/** The labels and annotations that mark the onboarding objects as the portal's. */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'skip-portal';
export const PREFIX_ANNOTATION = 'skip.kartverket.no/namespace-prefix';
export const TEAM_ANNOTATION = 'skip.kartverket.no/team';

/**
 * Namespaced kinds a team's apps repo may not deploy, although the project lets it deploy to its
 * namespaces. Each is something the platform sets for a namespace and a team could otherwise
 * undo from its own repo, since Argo CD applies with its own (cluster-wide) credentials.
 * Argo CD also leaves blacklisted kinds out of an application's resource tree, so the
 * NetworkPolicies Skiperator makes for an app do not show there; the portal reads them from
 * Skiperator's status instead.
 */
export const DANGEROUS_NAMESPACED_KINDS: { group: string; kind: string }[] = [
  // Access comes from the access model (and its drift check): a Role or RoleBinding from the
  // apps repo would grant access no rule holds, to anyone, invisibly to the portal.
  { group: 'rbac.authorization.k8s.io', kind: 'Role' },
  { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
  // Capacity is the platform's to give: a team could lift its own quota or default limits.
  { group: '', kind: 'ResourceQuota' },
  { group: '', kind: 'LimitRange' },
  // Traffic rules come from Skiperator's accessPolicy; network policies add up, so one written
  // by hand could open what the accessPolicy keeps closed.
  { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
];

export type AppProjectInput = {
  /** The team's name, which names the project (`proj:<team>`). */
  teamName: string;
  /** The team's catalog group, e.g. `group:default/seeiendom`. */
  teamRef: string;
  /** The namespace prefix the team holds, ending with `-`. */
  prefix: string;
  /** The team's groups as Argo CD's SSO reports them. */
  iamGroups: string[];
  /** The team's apps repo. */
  repoUrl: string;
  /** The Argo CD instance's namespace, where its AppProjects live. */
  argoNamespace: string;
  /** The clusters (Argo CD cluster names) the instance deploys the team's apps to. */
  clusters: string[];
};

/**
 * The team's AppProject: its apps repo may deploy to namespaces starting with its prefix on the
 * instance's clusters, and nowhere else. Destinations name the clusters (Argo CD resolves names
 * and servers alike), one entry per cluster, and never use `!` entries, which widen access in
 * Argo CD (see projectPermits).
 *
 * Namespace is the one cluster-scoped kind allowed, because `CreateNamespace=true` creates the
 * destination namespace through the project's permission check. The entry is limited by `name`
 * to the prefix (Argo CD 3.3+), so a Namespace manifest in the apps repo cannot create or relabel
 * namespaces outside it; an older Argo CD's CRD does not know `name`, drops it (or rejects it
 * under strict field validation) and allows every Namespace.
 */
export function buildAppProject(input: AppProjectInput) {
  const { teamName, prefix } = input;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'AppProject',
    metadata: {
      name: teamName,
      namespace: input.argoNamespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
      annotations: {
        [PREFIX_ANNOTATION]: prefix,
        [TEAM_ANNOTATION]: input.teamRef,
      },
    },
    spec: {
      description: `${teamName} (${input.teamRef}): namespaces ${prefix}*, managed by SKIP Portal`,
      sourceRepos: [input.repoUrl],
      destinations: [...new Set(input.clusters)].sort().map(cluster => ({
        name: cluster,
        namespace: `${prefix}*`,
      })),
      clusterResourceWhitelist: [
        { group: '', kind: 'Namespace', name: `${prefix}*` },
      ],
      namespaceResourceBlacklist: DANGEROUS_NAMESPACED_KINDS.map(k => ({
        ...k,
      })),
      roles: [
        {
          name: 'team',
          description: `Members of ${input.teamRef}`,
          groups: [...input.iamGroups],
          policies: [
            `p, proj:${teamName}:team, applications, *, ${teamName}/*, allow`,
          ],
        },
      ],
    },
  };
}
