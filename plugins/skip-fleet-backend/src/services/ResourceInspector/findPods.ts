import { CoreV1Api, KubernetesObject, V1Pod } from '@kubernetes/client-node';
import type { ClusterClients } from '@internal/plugin-skip-node';

const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

type Selectable = {
  spec?: { selector?: { matchLabels?: Record<string, string> } };
};

/** The label selector whose pods belong to the object; undefined when it has none. */
async function podSelectorOf(
  clients: ClusterClients,
  object: KubernetesObject,
  namespace: string,
): Promise<Record<string, string> | undefined> {
  if (WORKLOAD_KINDS.has(object.kind ?? '')) {
    return (object as Selectable).spec?.selector?.matchLabels;
  }
  if (object.kind === 'Application') {
    // Skiperator names the Deployment after the Application; a Job-like app has none.
    try {
      const deployment = await clients.objects.read<KubernetesObject>({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: object.metadata?.name ?? '', namespace },
      });
      return (deployment as Selectable).spec?.selector?.matchLabels;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The pods of a Pod (itself), a workload (its selector) or a Skiperator Application (its Deployment's). */
export async function findPods(
  clients: ClusterClients,
  object: KubernetesObject,
  namespace: string,
): Promise<V1Pod[]> {
  if (object.kind === 'Pod') return [object as V1Pod];
  const selector = await podSelectorOf(clients, object, namespace);
  if (!selector || Object.keys(selector).length === 0) return [];
  const labelSelector = Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  const pods = await clients
    .api(CoreV1Api)
    .listNamespacedPod({ namespace, labelSelector });
  return pods.items;
}
