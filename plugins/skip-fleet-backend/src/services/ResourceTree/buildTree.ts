import type { KubernetesObject, V1Pod } from '@kubernetes/client-node';
import {
  ArgoResourceStatus,
  argoSyncStatusSchema,
  FailureExplanation,
  ResourceTreeNode,
} from '@internal/plugin-skip-common';
import { toConditions } from '../ResourceInspector/toConditions';
import { toPodSummary } from '../ResourceInspector/toPodSummary';
import { explainFailure } from './explainFailure';
import { explainNode } from './explainNode';

/** One entry of an Argo CD app's `status.resources`, with the flag Argo CD sets on what git no longer has. */
export type ArgoResourceEntry = ArgoResourceStatus & {
  requiresPruning?: boolean;
};

/** Where a kind comes in a list of siblings: what runs first, then how it is reached, then policies. */
const KIND_ORDER = [
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'Pod',
  'Service',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'Gateway',
  'VirtualService',
  'HTTPRoute',
  'ServiceEntry',
  'NetworkPolicy',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
  'Telemetry',
  'ServiceMonitor',
  'ServiceAccount',
  'ConfigMap',
];

function rank(kind: string): number {
  const at = KIND_ORDER.indexOf(kind);
  return at === -1 ? KIND_ORDER.length : at;
}

function groupOf(apiVersion: string | undefined): string {
  const slash = (apiVersion ?? '').indexOf('/');
  return slash === -1 ? '' : (apiVersion ?? '').slice(0, slash);
}

/** `<group>/<Kind>/<name>`: Istio's Gateway and the Gateway API's must not collide. */
function idOf(object: KubernetesObject): string {
  return `${groupOf(object.apiVersion) || 'core'}/${object.kind}/${
    object.metadata?.name
  }`;
}

function syncOf(
  object: KubernetesObject,
  argo: ArgoResourceEntry[] | undefined,
): ResourceTreeNode['sync'] {
  const entry = argo?.find(
    r =>
      r.kind === object.kind &&
      r.name === object.metadata?.name &&
      (r.group ?? '') === groupOf(object.apiVersion) &&
      (r.namespace ?? object.metadata?.namespace) ===
        object.metadata?.namespace,
  );
  if (!entry) return undefined;
  // Read live from the Argo CD app: a status this portal does not know is Unknown.
  const status = argoSyncStatusSchema.safeParse(entry.status);
  return {
    status: status.success ? status.data : 'Unknown',
    ...(entry.requiresPruning ? { requiresPruning: true } : {}),
  };
}

/**
 * The tree of one Skiperator Application from the objects read live: each object under the
 * owner its ownerReferences name (the controller first), siblings by kind and name, depth
 * first. Objects whose owner was not read hang under the Application.
 */
export function buildTree(options: {
  app: KubernetesObject;
  owned: KubernetesObject[];
  argoResources?: ArgoResourceEntry[];
}): { nodes: ResourceTreeNode[]; explanation?: FailureExplanation } {
  const { app, owned, argoResources } = options;
  const rootId = idOf(app);
  const idByUid = new Map<string, string>();
  for (const object of [app, ...owned]) {
    if (object.metadata?.uid) idByUid.set(object.metadata.uid, idOf(object));
  }
  const children = new Map<string, KubernetesObject[]>();
  for (const object of owned) {
    const refs = [...(object.metadata?.ownerReferences ?? [])].sort(
      (a, b) => Number(Boolean(b.controller)) - Number(Boolean(a.controller)),
    );
    const parent =
      refs.map(r => idByUid.get(r.uid)).find(id => id !== undefined) ?? rootId;
    children.set(parent, [...(children.get(parent) ?? []), object]);
  }

  const nodes: ResourceTreeNode[] = [];
  const seen = new Set<string>();
  const visit = (object: KubernetesObject, parent?: string) => {
    const id = idOf(object);
    // Owner references can name each other; each object is shown once.
    if (seen.has(id)) return;
    seen.add(id);
    const verdict = explainNode(object);
    nodes.push({
      id,
      parent,
      apiVersion: object.apiVersion ?? '',
      kind: object.kind ?? '',
      namespace: object.metadata?.namespace ?? '',
      name: object.metadata?.name ?? '',
      health: verdict.health,
      reason: verdict.reason,
      sync: syncOf(object, argoResources),
    });
    const mine = [...(children.get(id) ?? [])].sort(
      (a, b) =>
        rank(a.kind ?? '') - rank(b.kind ?? '') ||
        (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
    );
    for (const child of mine) visit(child, id);
  };
  visit(app);

  const failing = nodes.find(n => n.health !== 'Healthy');
  if (!failing) return { nodes };
  const pods = owned.filter(o => o.kind === 'Pod') as V1Pod[];
  const explanation = explainFailure(
    { conditions: toConditions(app), events: [], pods: pods.map(toPodSummary) },
    {
      image: (app as { spec?: { image?: string } }).spec?.image,
      message: failing.reason,
    },
  );
  return { nodes, explanation };
}
