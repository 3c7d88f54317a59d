import type { CachedDeployment } from './kubeTypes';
import { projectWatched } from './projectWatched';
import { summarizeApp, worstHealth } from './summarizeApp';

/** Summarizes an Application as the API server sends it, through the cache's projection. */
function summarizeRaw(
  options: Omit<Parameters<typeof summarizeApp>[0], 'app'> & { app: unknown },
) {
  return summarizeApp({
    ...options,
    app: projectWatched.skiperatorApps(options.app),
  });
}

const app = {
  apiVersion: 'skiperator.kartverket.no/v1alpha1',
  kind: 'Application',
  metadata: {
    name: 'seeiendom-api',
    namespace: 'seeiendom-api-main',
    resourceVersion: '7',
  },
  spec: {
    image: 'ghcr.io/kartverket/seeiendom-api:1.8.0',
    team: 'seeiendom',
    replicas: { min: 2, max: 4 },
  },
  status: {
    summary: {
      status: 'Synced',
      message: 'All subresources synced',
      timestamp: '2026-11-24 10:00:00 +0000 UTC',
    },
    subresources: {
      'Deployment[seeiendom-api]': {
        status: 'Synced',
        message: 'Deployment has been synced',
      },
      'Service[seeiendom-api]': {
        status: 'Synced',
        message: 'Service has been synced',
      },
      'NetworkPolicy[seeiendom-api]': {
        status: 'Error',
        message: 'failed to apply: admission webhook denied',
      },
    },
    conditions: [],
  },
};

function deployment(
  available: number,
  progressing?: { status: string; message: string },
): CachedDeployment {
  return {
    metadata: { name: 'seeiendom-api', namespace: 'seeiendom-api-main' },
    spec: { replicas: 2 },
    status: {
      availableReplicas: available,
      updatedReplicas: available,
      readyReplicas: available,
      conditions: progressing ? [{ type: 'Progressing', ...progressing }] : [],
    },
  };
}

describe('summarizeApp', () => {
  it('answers conditions with the fields of the contract only (Skiperator adds observedGeneration)', () => {
    const ready = {
      type: 'Ready',
      status: 'True' as const,
      reason: 'ReadyReplicas',
      message: '2 of 2 replicas ready',
      lastTransitionTime: '2026-11-24T10:00:00Z',
    };
    const summary = summarizeRaw({
      cluster: 'atkv3-dev',
      environment: 'dev',
      app: {
        ...app,
        status: {
          ...app.status,
          conditions: [{ ...ready, observedGeneration: 3 } as typeof ready],
        },
      },
    });
    expect(summary.conditions).toStrictEqual([ready]);
  });

  it('splits the image tag and names every owned resource with its own health', () => {
    const summary = summarizeRaw({
      cluster: 'atkv3-dev',
      environment: 'dev',
      app,
      deployment: deployment(2),
    });
    expect(summary).toMatchObject({
      image: 'ghcr.io/kartverket/seeiendom-api',
      tag: '1.8.0',
      team: 'seeiendom',
      replicas: { desired: 2, ready: 2 },
    });
    expect(
      summary.ownedResources.map(o => [o.kind, o.apiVersion, o.health]),
    ).toEqual([
      ['Deployment', 'apps/v1', 'Healthy'],
      ['Service', 'v1', 'Healthy'],
      ['NetworkPolicy', 'networking.k8s.io/v1', 'Degraded'],
    ]);
    expect(summary.ownedResources[2].message).toBe(
      'failed to apply: admission webhook denied',
    );
    expect(summary.health).toBe('Degraded');
  });

  it('reads "Synced" as applied, not running: a stuck rollout degrades the deployment', () => {
    const synced = {
      ...app,
      status: {
        ...app.status,
        subresources: { 'Deployment[seeiendom-api]': { status: 'Synced' } },
      },
    };
    const stuck = summarizeRaw({
      cluster: 'atkv3-dev',
      environment: 'dev',
      app: synced,
      deployment: deployment(0, {
        status: 'False',
        message: 'ReplicaSet "seeiendom-api-abc" has timed out progressing.',
      }),
    });
    expect(stuck.ownedResources[0]).toMatchObject({
      health: 'Degraded',
      message: 'ReplicaSet "seeiendom-api-abc" has timed out progressing.',
    });
    expect(stuck.health).toBe('Degraded');
    const rolling = summarizeRaw({
      cluster: 'atkv3-dev',
      environment: 'dev',
      app: synced,
      deployment: deployment(1),
    });
    expect(rolling.health).toBe('Progressing');
  });

  it('counts Argo CD: out of sync is not green, degraded is red', () => {
    const argo: NonNullable<Parameters<typeof summarizeApp>[0]['argo']> = {
      instance: 'argocd-nonprod',
      namespace: 'argocd',
      name: 'seeiendom-api-main',
      destination: {},
      sync: { status: 'OutOfSync' },
      health: { status: 'Healthy' },
      resources: [],
    };
    const healthyApp = { ...app, status: { ...app.status, subresources: {} } };
    const healthWith = (argoStatus: typeof argo) =>
      summarizeRaw({
        cluster: 'c',
        environment: 'dev',
        app: healthyApp,
        deployment: deployment(2),
        argo: argoStatus,
      }).health;
    expect(healthWith(argo)).toBe('Progressing');
    expect(healthWith({ ...argo, sync: { status: 'Synced' } })).toBe('Healthy');
    expect(
      summarizeRaw({
        cluster: 'c',
        environment: 'dev',
        app: healthyApp,
        argo: { ...argo, health: { status: 'Degraded' } },
      }).health,
    ).toBe('Degraded');
  });

  it("names the app's external hostnames (Skiperator spec.ingresses), and none when it has none", () => {
    const withIngress = {
      ...app,
      spec: { ...app.spec, ingresses: ['seeiendom.kartverket.no'] },
    };
    expect(
      summarizeRaw({ cluster: 'c', environment: 'prod', app: withIngress })
        .ingresses,
    ).toEqual(['seeiendom.kartverket.no']);
    expect(
      summarizeRaw({ cluster: 'c', environment: 'prod', app }),
    ).not.toHaveProperty('ingresses');
  });

  it('takes the worst of several verdicts', () => {
    expect(worstHealth(['Healthy', 'Progressing', 'Unknown'])).toBe(
      'Progressing',
    );
    expect(worstHealth([])).toBe('Healthy');
  });
});
