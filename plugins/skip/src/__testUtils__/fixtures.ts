import {
  AppsResponse,
  ResourceDetails,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';

/** A healthy app in dev. */
export const healthyApp: SkiperatorAppSummary = {
  cluster: 'atkv3-dev',
  environment: 'dev',
  namespace: 'foo-main',
  name: 'foo-api',
  image: 'ghcr.io/kartverket/foo-api',
  tag: '1.4.0',
  replicas: { desired: 2, ready: 2 },
  summary: { status: 'Synced', message: 'All subresources synced' },
  conditions: [],
  ownedResources: [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'foo-api',
      health: 'Healthy',
    },
  ],
  health: 'Healthy',
  argo: {
    instance: 'argocd-dev',
    namespace: 'argocd',
    name: 'foo-main-foo-api',
    destination: { cluster: 'atkv3-dev', namespace: 'foo-main' },
    sync: { status: 'Synced', revision: '0123456789abcdef' },
    health: { status: 'Healthy' },
    resources: [],
  },
};

/** The same app in prod, failing because its image tag does not exist. */
export const failingApp: SkiperatorAppSummary = {
  ...healthyApp,
  cluster: 'atkv3-prod',
  environment: 'prod',
  tag: '1.5.0-typo',
  replicas: { desired: 2, ready: 0 },
  summary: { status: 'Synced', message: 'All subresources synced' },
  ownedResources: [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'foo-api',
      health: 'Degraded',
      message: '0 of 2 pods ready',
    },
    { apiVersion: 'v1', kind: 'Service', name: 'foo-api', health: 'Healthy' },
  ],
  health: 'Degraded',
  argo: {
    ...healthyApp.argo!,
    instance: 'argocd-prod',
    destination: { cluster: 'atkv3-prod', namespace: 'foo-main' },
    health: { status: 'Degraded' },
    operation: { phase: 'Succeeded', finishedAt: new Date().toISOString() },
    resources: [
      {
        group: 'apps',
        kind: 'Deployment',
        name: 'foo-api',
        namespace: 'foo-main',
        health: {
          status: 'Degraded',
          message: 'Deployment exceeded its progress deadline',
        },
      },
    ],
  },
};

/** What the backend says about the failing Deployment. */
export const failingDeployment: ResourceDetails = {
  cluster: 'atkv3-prod',
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  namespace: 'foo-main',
  name: 'foo-api',
  conditions: [
    {
      type: 'Available',
      status: 'False',
      reason: 'MinimumReplicasUnavailable',
      message: 'Deployment does not have minimum availability.',
    },
  ],
  events: [
    {
      type: 'Warning',
      reason: 'Failed',
      message:
        'Failed to pull image "ghcr.io/kartverket/foo-api:1.5.0-typo": not found',
      count: 7,
      lastTimestamp: new Date().toISOString(),
    },
  ],
  pods: [
    {
      name: 'foo-api-7d9f8-abcde',
      phase: 'Pending',
      containers: [
        {
          name: 'foo-api',
          ready: false,
          restartCount: 0,
          state: 'waiting',
          reason: 'ImagePullBackOff',
          message:
            'Back-off pulling image "ghcr.io/kartverket/foo-api:1.5.0-typo"',
        },
        // The Istio sidecar started: it has a log while the app container has none yet.
        {
          name: 'istio-proxy',
          ready: true,
          restartCount: 0,
          state: 'running',
        },
      ],
    },
  ],
  explanation: {
    title: 'Image not found',
    detail:
      'The pod cannot pull ghcr.io/kartverket/foo-api:1.5.0-typo. Check that the image and tag exist and that the build pushed them.',
    reason: 'Image not found: ghcr.io/kartverket/foo-api:1.5.0-typo',
  },
  manifest: [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: foo-api',
    '  namespace: foo-main',
    'spec:',
    '  replicas: 2',
    '',
  ].join('\n'),
};

/** Apps of the component across dev and prod; prod's cluster answered late. */
export function appsResponse(): AppsResponse {
  return {
    items: [failingApp, healthyApp],
    orphanArgoApps: [],
    clusters: [
      {
        cluster: 'atkv3-dev',
        reachability: 'reachable',
        lastSeenAt: new Date().toISOString(),
      },
      {
        cluster: 'atkv3-prod',
        reachability: 'unreachable',
        error: 'connect ETIMEDOUT',
        lastSeenAt: new Date(Date.now() - 2 * 60_000).toISOString(),
      },
    ],
    generatedAt: new Date().toISOString(),
  };
}
