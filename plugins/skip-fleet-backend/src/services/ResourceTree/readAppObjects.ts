import type { KubernetesObject } from '@kubernetes/client-node';
import type { ClusterClients } from '@internal/plugin-skip-node';
import { KIND_API_VERSIONS } from '../kindApiVersions';

/** What Skiperator makes for an Application (PLATFORM.md; ReplicaSets and pods are the workloads'). */
const OWNED_KINDS = [
  'Deployment',
  'StatefulSet',
  'Service',
  'ConfigMap',
  'ServiceAccount',
  'HorizontalPodAutoscaler',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'ServiceEntry',
  'Gateway',
  'VirtualService',
  'PeerAuthentication',
  'AuthorizationPolicy',
  'RequestAuthentication',
  'Telemetry',
  'HTTPRoute',
  'ServiceMonitor',
];

/** Skiperator labels everything it makes with this; owner references then say for which app. */
const MADE_BY_SKIPERATOR = 'app.kubernetes.io/managed-by=skiperator';

type Selectable = KubernetesObject & {
  spec?: { selector?: { matchLabels?: Record<string, string> } };
};

/** The objects of one app as read live, and the kinds the cluster would not list. */
export type AppObjects = {
  app: KubernetesObject;
  owned: KubernetesObject[];
  unreadable: string[];
};

function ownedBy(uids: Set<string>) {
  return (object: KubernetesObject) =>
    (object.metadata?.ownerReferences ?? []).some(r => uids.has(r.uid));
}

/** A refusal of one kind (not installed, not allowed) is data; a cluster that does not answer is not. */
function refusal(kind: string, error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'number' || code < 400 || code >= 500) return undefined;
  return code === 404
    ? `${kind}: not served by this cluster`
    : `${kind}: refused (${code})`;
}

/**
 * Reads a Skiperator Application and everything it owns, down to the pods, in one pass of
 * parallel lists: the kinds Skiperator makes (by its label, then owner reference), then
 * the ReplicaSets and pods of the workloads found (by their selector, then owner reference).
 */
export async function readAppObjects(
  clients: ClusterClients,
  namespace: string,
  name: string,
): Promise<AppObjects> {
  const unreadable: string[] = [];
  const list = async (kind: string, labelSelector: string) => {
    try {
      const answer = await clients.objects.list(
        KIND_API_VERSIONS[kind],
        kind,
        namespace,
        undefined,
        undefined,
        undefined,
        undefined,
        labelSelector,
      );
      // Items of a list carry no kind or apiVersion of their own.
      return answer.items.map(item => ({
        ...item,
        apiVersion: KIND_API_VERSIONS[kind],
        kind,
      }));
    } catch (error) {
      const refused = refusal(kind, error);
      if (!refused || clients.signal.aborted) throw error;
      unreadable.push(refused);
      return [];
    }
  };
  const app = await clients.objects.read<KubernetesObject>({
    apiVersion: KIND_API_VERSIONS.Application,
    kind: 'Application',
    metadata: { name, namespace },
  });
  const appOwns = ownedBy(new Set([app.metadata?.uid ?? '']));
  const lists = await Promise.all(
    OWNED_KINDS.map(kind => list(kind, MADE_BY_SKIPERATOR)),
  );
  const owned = lists.flat().filter(appOwns);

  const workloads = owned.filter(
    o => o.kind === 'Deployment' || o.kind === 'StatefulSet',
  ) as Selectable[];
  const below = await Promise.all(
    workloads.map(async workload => {
      const labels = workload.spec?.selector?.matchLabels ?? {};
      const selector = Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      if (!selector) return [];
      const [replicaSets, pods] = await Promise.all([
        workload.kind === 'Deployment' ? list('ReplicaSet', selector) : [],
        list('Pod', selector),
      ]);
      const mine = replicaSets.filter(
        ownedBy(new Set([workload.metadata?.uid ?? ''])),
      );
      const podOwners = new Set(
        [workload, ...mine].map(o => o.metadata?.uid ?? ''),
      );
      return [...mine, ...pods.filter(ownedBy(podOwners))];
    }),
  );
  return { app, owned: [...owned, ...below.flat()], unreadable };
}
