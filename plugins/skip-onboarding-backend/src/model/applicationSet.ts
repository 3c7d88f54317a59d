import { TEAM_ANNOTATION, MANAGED_BY, MANAGED_BY_LABEL } from './appProject';

export type ApplicationSetInput = {
  /** The team's name: names the set, its project and the `team` label. */
  teamName: string;
  /** The team's catalog group ref, so the set says whose it is (two teams may share a name across namespaces). */
  teamRef?: string;
  /** The team's apps repo, laid out `env/<cluster>/<namespace>/`. */
  repoUrl: string;
  /** The Argo CD instance's namespace, where its ApplicationSets live. */
  argoNamespace: string;
  /** The clusters (Argo CD cluster names) the instance deploys the team's apps to. */
  clusters: string[];
};

/**
 * The team's ApplicationSet over its apps repo: one Application per directory
 * `env/<cluster>/<namespace>`, deployed to that namespace on that cluster, in the team's project.
 * The same object the fleet simulator seeds (World.ts `applicationSet()`), so what the portal
 * writes is what the simulator has been exercising. Only the instance's clusters are listed, so
 * a directory for a cluster of the other instance makes no Application here; a directory outside
 * the prefix makes an Application the team's AppProject refuses to sync.
 *
 * `missingkey=error` makes a template that names a missing path segment fail instead of
 * rendering `<no value>` into a name or a namespace. The namespace gets the `team` label, which
 * Skiperator and the portal read for ownership.
 */
export function buildApplicationSet(input: ApplicationSetInput) {
  const { teamName: team, repoUrl: repoURL } = input;
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: {
      name: team,
      namespace: input.argoNamespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
      ...(input.teamRef
        ? { annotations: { [TEAM_ANNOTATION]: input.teamRef } }
        : {}),
    },
    spec: {
      goTemplate: true,
      goTemplateOptions: ['missingkey=error'],
      generators: [
        {
          git: {
            repoURL,
            revision: 'HEAD',
            directories: [...new Set(input.clusters)]
              .sort()
              .map(c => ({ path: `env/${c}/*` })),
          },
        },
      ],
      template: {
        metadata: {
          name: '{{index .path.segments 1}}-{{.path.basename}}',
          labels: { team },
        },
        spec: {
          project: team,
          source: {
            repoURL,
            targetRevision: 'HEAD',
            path: '{{.path.path}}',
            directory: { recurse: true },
          },
          destination: {
            name: '{{index .path.segments 1}}',
            namespace: '{{.path.basename}}',
          },
          syncPolicy: {
            automated: { prune: true, selfHeal: true },
            syncOptions: ['CreateNamespace=true'],
            managedNamespaceMetadata: { labels: { team } },
          },
        },
      },
    },
  };
}
