import { buildApplicationSet } from './applicationSet';

describe('buildApplicationSet', () => {
  const set = buildApplicationSet({
    teamName: 'seeiendom',
    repoUrl: 'https://github.com/kartverket/seeiendom-apps',
    argoNamespace: 'argocd',
    clusters: ['atkv3-test', 'atkv3-dev'],
  });

  it("is the simulator's ApplicationSet, marked as the portal's", () => {
    expect(set).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'ApplicationSet',
      metadata: {
        name: 'seeiendom',
        namespace: 'argocd',
        labels: { 'app.kubernetes.io/managed-by': 'skip-portal' },
      },
      spec: {
        goTemplate: true,
        goTemplateOptions: ['missingkey=error'],
        generators: [
          {
            git: {
              repoURL: 'https://github.com/kartverket/seeiendom-apps',
              revision: 'HEAD',
              directories: [
                { path: 'env/atkv3-dev/*' },
                { path: 'env/atkv3-test/*' },
              ],
            },
          },
        ],
        template: {
          metadata: {
            name: '{{index .path.segments 1}}-{{.path.basename}}',
            labels: { team: 'seeiendom' },
          },
          spec: {
            project: 'seeiendom',
            source: {
              repoURL: 'https://github.com/kartverket/seeiendom-apps',
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
              managedNamespaceMetadata: { labels: { team: 'seeiendom' } },
            },
          },
        },
      },
    });
  });

  it('lists each cluster once, in a stable order', () => {
    const again = buildApplicationSet({
      teamName: 'seeiendom',
      repoUrl: 'https://github.com/kartverket/seeiendom-apps',
      argoNamespace: 'argocd',
      clusters: ['atkv3-dev', 'atkv3-test', 'atkv3-dev'],
    });
    expect(again).toEqual(set);
  });
});
