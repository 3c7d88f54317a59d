import {
  ArgoAppStatus,
  Condition,
  Environment,
  Health,
  OwnedResource,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';
import { KIND_API_VERSIONS } from '../kindApiVersions';
import { CachedDeployment, SkiperatorApplication } from './kubeTypes';

const SUBRESOURCE_KEY = /^([A-Za-z]+)\[(.+)\]$/;

/** Skiperator's status names mapped onto the portal's scale. */
export function healthOfSkiperatorStatus(status: string | undefined): Health {
  switch (status) {
    case 'Synced':
    case 'Ready':
      return 'Healthy';
    case 'Progressing':
    case 'Pending':
      return 'Progressing';
    case 'Error':
    case 'InvalidConfig':
      return 'Degraded';
    default:
      return 'Unknown';
  }
}

/** Deployment health as Argo CD judges it: rollout finished and every replica available. */
export function healthOfDeployment(
  deployment: Pick<CachedDeployment, 'spec' | 'status'>,
): {
  health: Health;
  message?: string;
} {
  const desired = deployment.spec?.replicas ?? 1;
  const status = deployment.status ?? {};
  const progressing = status.conditions?.find(c => c.type === 'Progressing');
  if (progressing?.status === 'False') {
    return { health: 'Degraded', message: progressing.message };
  }
  const available = status.availableReplicas ?? 0;
  const updated = status.updatedReplicas ?? 0;
  if (available >= desired && updated >= desired) {
    return { health: 'Healthy' };
  }
  const replicaFailure = status.conditions?.find(
    c => c.type === 'ReplicaFailure' && c.status === 'True',
  );
  if (replicaFailure) {
    return { health: 'Degraded', message: replicaFailure.message };
  }
  return {
    health: 'Progressing',
    message: `${available} of ${desired} replicas available`,
  };
}

const HEALTH_RANK: Record<Health, number> = {
  Healthy: 0,
  Unknown: 1,
  Progressing: 2,
  Degraded: 3,
};

/** The worst of several verdicts. */
export function worstHealth(healths: Health[]): Health {
  let worst: Health = 'Healthy';
  for (const health of healths) {
    if (HEALTH_RANK[health] > HEALTH_RANK[worst]) worst = health;
  }
  return worst;
}

function argoHealth(argo: ArgoAppStatus | undefined): Health {
  if (!argo) return 'Healthy';
  switch (argo.health.status) {
    case 'Healthy':
      return argo.sync.status === 'OutOfSync' ? 'Progressing' : 'Healthy';
    case 'Progressing':
    case 'Suspended':
      return 'Progressing';
    case 'Degraded':
    case 'Missing':
      return 'Degraded';
    default:
      return 'Unknown';
  }
}

function splitImage(image: string): { image: string; tag?: string } {
  const at = image.indexOf('@');
  if (at !== -1) return { image: image.slice(0, at), tag: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  if (colon > image.lastIndexOf('/')) {
    return { image: image.slice(0, colon), tag: image.slice(colon + 1) };
  }
  return { image };
}

/** Everything the portal shows of one Skiperator app, from the objects the cache holds. */
export function summarizeApp(options: {
  cluster: string;
  environment: Environment;
  app: SkiperatorApplication;
  deployment?: CachedDeployment;
  argo?: ArgoAppStatus;
}): SkiperatorAppSummary {
  const { cluster, environment, app, deployment, argo } = options;
  const namespace = app.metadata?.namespace ?? '';
  const name = app.metadata?.name ?? '';
  const status = app.status ?? {};

  const owned: OwnedResource[] = [];
  for (const sub of status.subresources ?? []) {
    const match = SUBRESOURCE_KEY.exec(sub.key);
    if (!match) continue;
    const [, kind, resourceName] = match;
    let health = healthOfSkiperatorStatus(sub.status);
    let message = health === 'Healthy' ? undefined : sub.message;
    if (kind === 'Deployment' && deployment) {
      const live = healthOfDeployment(deployment);
      health = worstHealth([health, live.health]);
      message = live.message ?? message;
    }
    owned.push({
      apiVersion: KIND_API_VERSIONS[kind] ?? 'v1',
      kind,
      namespace,
      name: resourceName,
      health,
      message,
    });
  }
  if (deployment && !owned.some(o => o.kind === 'Deployment')) {
    const live = healthOfDeployment(deployment);
    owned.push({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace,
      name: deployment.metadata?.name ?? name,
      ...live,
    });
  }

  const replicasSpec = app.spec?.replicas;
  const desired =
    deployment?.spec?.replicas ??
    (typeof replicasSpec === 'number' ? replicasSpec : replicasSpec?.min ?? 1);
  // Only the fields of the contract: Skiperator adds others (observedGeneration).
  const conditions: Condition[] = (status.conditions ?? []).map(c => ({
    type: c.type,
    status: c.status,
    reason: c.reason,
    message: c.message,
    lastTransitionTime: c.lastTransitionTime,
  }));
  const readyCondition = conditions.find(c => c.type === 'Ready');
  const healths: Health[] = [
    healthOfSkiperatorStatus(status.summary?.status),
    ...owned.map(o => o.health),
    argoHealth(argo),
  ];
  if (readyCondition?.status === 'False') healths.push('Degraded');

  return {
    cluster,
    environment,
    namespace,
    name,
    team: app.spec?.team ?? app.metadata?.labels?.team,
    ...splitImage(app.spec?.image ?? ''),
    replicas: { desired, ready: deployment?.status?.readyReplicas ?? 0 },
    summary: {
      status: status.summary?.status ?? 'Unknown',
      message: status.summary?.message,
      timestamp: status.summary?.timestamp,
    },
    conditions,
    ownedResources: owned,
    health: worstHealth(healths),
    argo,
    ...(app.spec?.ingresses?.length
      ? { ingresses: [...app.spec.ingresses] }
      : {}),
  };
}
