import { projectWatched } from './projectWatched';

describe('projectWatched', () => {
  it("keeps of an Argo CD app what the portal shows, not its history, sync results or manifests' sources", () => {
    const raw = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: {
        name: 'matrikkel-api-main',
        namespace: 'argocd',
        resourceVersion: '42',
        managedFields: [{ manager: 'argocd-controller' }],
        annotations: {
          'kubectl.kubernetes.io/last-applied-configuration': '{}',
        },
      },
      spec: {
        project: 'matrikkel',
        sources: [
          { repoURL: 'https://github.com/kartverket/a', path: 'env/dev' },
          { repoURL: 'https://github.com/kartverket/b' },
        ],
        destination: { name: 'atkv3-dev', namespace: 'matrikkel-api-main' },
        syncPolicy: { automated: { prune: true } },
      },
      status: {
        sync: { status: 'Synced', revision: 'abc', comparedTo: { source: {} } },
        health: { status: 'Healthy' },
        history: [{ id: 0, revision: 'abc' }],
        operationState: {
          phase: 'Succeeded',
          syncResult: { resources: [{ kind: 'Application', name: 'api' }] },
        },
        resources: [
          {
            group: 'skiperator.kartverket.no',
            version: 'v1alpha1',
            kind: 'Application',
            namespace: 'matrikkel-api-main',
            name: 'api',
            status: 'Synced',
            requiresPruning: false,
            syncWave: 0,
          },
        ],
      },
    };

    expect(JSON.parse(JSON.stringify(projectWatched.argoApps(raw)))).toEqual({
      metadata: {
        name: 'matrikkel-api-main',
        namespace: 'argocd',
        resourceVersion: '42',
      },
      spec: {
        project: 'matrikkel',
        sources: [{ repoURL: 'https://github.com/kartverket/a' }],
        destination: { name: 'atkv3-dev', namespace: 'matrikkel-api-main' },
      },
      status: {
        sync: { status: 'Synced', revision: 'abc' },
        health: { status: 'Healthy' },
        operationState: { phase: 'Succeeded' },
        resources: [
          {
            group: 'skiperator.kartverket.no',
            version: 'v1alpha1',
            kind: 'Application',
            namespace: 'matrikkel-api-main',
            name: 'api',
            status: 'Synced',
          },
        ],
      },
    });
  });

  it("keeps of a Deployment only its replica counts and conditions' verdicts", () => {
    const slim = projectWatched.deployments({
      metadata: { name: 'api', namespace: 'ns', resourceVersion: '7' },
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: 'api' }] } },
      },
      status: {
        readyReplicas: 1,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            message: 'deadline exceeded',
            lastUpdateTime: 'x',
          },
        ],
      },
    });
    expect(JSON.parse(JSON.stringify(slim))).toEqual({
      metadata: { name: 'api', namespace: 'ns', resourceVersion: '7' },
      spec: { replicas: 2 },
      status: {
        readyReplicas: 1,
        conditions: [
          {
            type: 'Progressing',
            status: 'False',
            message: 'deadline exceeded',
          },
        ],
      },
    });
  });
});
