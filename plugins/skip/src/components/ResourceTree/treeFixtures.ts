import { ResourceTree, ResourceTreeNode } from '@internal/plugin-skip-common';

// Test data only: the trees the backend answers for the apps of __testUtils__/fixtures.ts.

const APP = 'skiperator.kartverket.no/Application/foo-api';

function node(
  id: string,
  parent: string | undefined,
  extra: Partial<ResourceTreeNode> = {},
): ResourceTreeNode {
  const [group, kind, name] = id.split('/');
  return {
    id,
    parent,
    apiVersion: group === 'core' ? 'v1' : `${group}/v1`,
    kind,
    namespace: 'foo-main',
    name,
    health: 'Healthy',
    ...extra,
  };
}

/** foo-api in dev: healthy, the Application in git and synced. */
export function healthyTree(): ResourceTree {
  return {
    cluster: 'atkv3-dev',
    namespace: 'foo-main',
    name: 'foo-api',
    argo: {
      instance: 'argocd-dev',
      namespace: 'argocd',
      name: 'foo-main-foo-api',
    },
    nodes: [
      node(APP, undefined, { sync: { status: 'Synced' } }),
      node('apps/Deployment/foo-api', APP),
      node('apps/ReplicaSet/foo-api-7d9f8', 'apps/Deployment/foo-api'),
      node('core/Pod/foo-api-7d9f8-abcde', 'apps/ReplicaSet/foo-api-7d9f8'),
      node('core/Pod/foo-api-7d9f8-fghij', 'apps/ReplicaSet/foo-api-7d9f8'),
      node('core/Service/foo-api', APP),
      node('autoscaling/HorizontalPodAutoscaler/foo-api', APP),
      node('networking.k8s.io/NetworkPolicy/foo-api', APP),
      node('core/ServiceAccount/foo-api', APP),
    ],
    unreadable: [],
    generatedAt: new Date().toISOString(),
  };
}

/** foo-api in prod: its image tag does not exist, so its pod cannot start. */
export function failingTree(): ResourceTree {
  const reason = 'Image not found: ghcr.io/kartverket/foo-api:1.5.0-typo';
  return {
    cluster: 'atkv3-prod',
    namespace: 'foo-main',
    name: 'foo-api',
    argo: {
      instance: 'argocd-prod',
      namespace: 'argocd',
      name: 'foo-main-foo-api',
    },
    nodes: [
      node(APP, undefined, {
        health: 'Degraded',
        reason: '0 of 2 pods ready',
        sync: { status: 'Synced' },
      }),
      node('apps/Deployment/foo-api', APP, {
        health: 'Degraded',
        reason: '0 of 2 pods ready',
      }),
      node('apps/ReplicaSet/foo-api-7d9f8', 'apps/Deployment/foo-api', {
        health: 'Progressing',
        reason: '0 of 2 pods ready',
      }),
      node('core/Pod/foo-api-7d9f8-abcde', 'apps/ReplicaSet/foo-api-7d9f8', {
        health: 'Degraded',
        reason,
      }),
      node('core/Service/foo-api', APP),
      node('networking.istio.io/ServiceEntry/old-api', APP, {
        sync: { status: 'OutOfSync', requiresPruning: true },
      }),
    ],
    explanation: {
      title: 'Image not found',
      detail:
        'The pod cannot pull ghcr.io/kartverket/foo-api:1.5.0-typo. Check that the image and tag exist and that the build pushed them.',
      reason,
    },
    unreadable: ['PodDisruptionBudget: not allowed to list them'],
    generatedAt: new Date().toISOString(),
  };
}
