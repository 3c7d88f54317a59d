import type {
  KubernetesObject,
  V1Deployment,
  V1Pod,
} from '@kubernetes/client-node';
import type { Health } from '@internal/plugin-skip-common';
import {
  healthOfDeployment,
  healthOfSkiperatorStatus,
} from '../FleetCache/summarizeApp';
import { toPodSummary } from '../ResourceInspector/toPodSummary';
import { explainFailure } from './explainFailure';

/** How one object of a tree is doing, and one line saying why when it is not healthy. */
export type NodeVerdict = { health: Health; reason?: string };

type Condition = {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
};
type Loose = KubernetesObject & {
  spec?: Record<string, any>;
  status?: Record<string, any> & { conditions?: Condition[] };
};

const HEALTHY: NodeVerdict = { health: 'Healthy' };

function failing(conditions: Condition[] | undefined, ...types: string[]) {
  return conditions?.find(
    c => types.includes(c.type ?? '') && c.status === 'False',
  );
}

/** Skiperator's own word (summary and the v2.18 Ready condition); its success message is no reason. */
function skiperatorApp(app: Loose): NodeVerdict {
  const ready = failing(app.status?.conditions, 'Ready');
  const summary = app.status?.summary as
    | { status?: string; message?: string }
    | undefined;
  if (ready) {
    return { health: 'Degraded', reason: ready.message ?? ready.reason };
  }
  const health = healthOfSkiperatorStatus(summary?.status);
  if (health === 'Healthy') return HEALTHY;
  return {
    health,
    reason:
      summary?.message ?? `Skiperator says ${summary?.status ?? 'nothing yet'}`,
  };
}

function replicated(object: Loose, what: string): NodeVerdict {
  const desired: number = object.spec?.replicas ?? 1;
  const ready: number = object.status?.readyReplicas ?? 0;
  const failure = object.status?.conditions?.find(
    c => c.type === 'ReplicaFailure' && c.status === 'True',
  );
  if (failure) return { health: 'Degraded', reason: failure.message };
  if (ready >= desired) return HEALTHY;
  return {
    health: 'Progressing',
    reason: `${ready} of ${desired} ${what} ready`,
  };
}

/** A pod: what its containers say first (image, crash, memory), then its phase. */
function pod(object: Loose): NodeVerdict {
  const explained = explainFailure({
    conditions: [],
    events: [],
    pods: [toPodSummary(object as V1Pod)],
  });
  if (explained) return { health: 'Degraded', reason: explained.reason };
  const unschedulable = failing(object.status?.conditions, 'PodScheduled');
  if (unschedulable) {
    return {
      health: 'Degraded',
      reason: `No room for the pod: ${
        unschedulable.message ?? unschedulable.reason ?? 'not scheduled'
      }`,
    };
  }
  switch (object.status?.phase) {
    case 'Succeeded':
      return HEALTHY;
    case 'Failed':
      return {
        health: 'Degraded',
        reason:
          object.status?.message ?? object.status?.reason ?? 'The pod failed',
      };
    case 'Running': {
      const unready = failing(object.status?.conditions, 'Ready');
      return unready
        ? { health: 'Progressing', reason: unready.message ?? 'Not ready yet' }
        : HEALTHY;
    }
    default:
      return {
        health: 'Progressing',
        reason: `Pod is ${object.status?.phase ?? 'starting'}`,
      };
  }
}

function autoscaler(object: Loose): NodeVerdict {
  const stuck = failing(
    object.status?.conditions,
    'AbleToScale',
    'ScalingActive',
  );
  return stuck
    ? { health: 'Degraded', reason: stuck.message ?? stuck.reason }
    : HEALTHY;
}

function disruptionBudget(object: Loose): NodeVerdict {
  const current: number | undefined = object.status?.currentHealthy;
  const desired: number | undefined = object.status?.desiredHealthy;
  if (current === undefined || desired === undefined || current >= desired) {
    return HEALTHY;
  }
  return {
    health: 'Progressing',
    reason: `${current} of ${desired} pods healthy: no pod may be evicted now`,
  };
}

function service(object: Loose): NodeVerdict {
  if (object.spec?.type !== 'LoadBalancer') return HEALTHY;
  return object.status?.loadBalancer?.ingress?.length
    ? HEALTHY
    : { health: 'Progressing', reason: 'Waiting for a load balancer address' };
}

/**
 * The health of one live object as Argo CD would judge it, with the reason in words. Kinds
 * without a health of their own (policies, Istio objects, accounts, config maps) are
 * healthy when they exist.
 */
export function explainNode(object: KubernetesObject): NodeVerdict {
  const loose = object as Loose;
  switch (object.kind) {
    case 'Application':
      return skiperatorApp(loose);
    case 'Deployment': {
      const { health, message } = healthOfDeployment(object as V1Deployment);
      return health === 'Healthy' ? HEALTHY : { health, reason: message };
    }
    case 'StatefulSet':
      return replicated(loose, 'replicas');
    case 'ReplicaSet':
      return replicated(loose, 'pods');
    case 'Pod':
      return pod(loose);
    case 'HorizontalPodAutoscaler':
      return autoscaler(loose);
    case 'PodDisruptionBudget':
      return disruptionBudget(loose);
    case 'Service':
      return service(loose);
    default:
      return HEALTHY;
  }
}
