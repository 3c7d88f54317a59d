/**
 * API groups whose built-in kinds carry no `metadata.generation`: kube-apiserver sets generation
 * only where a kind's registry strategy does (workloads, PDBs, network policies, ingresses) and for
 * every custom resource. Core kinds (ConfigMap, Secret, ServiceAccount, Service, Namespace, Node,
 * Event, Pod up to 1.32 …), RBAC and HorizontalPodAutoscalers have none.
 */
const GROUPS_WITHOUT_GENERATION = new Set(['', 'rbac.authorization.k8s.io', 'autoscaling', 'events.k8s.io', 'coordination.k8s.io']);

/** Whether the real API server keeps `metadata.generation` for objects of this apiVersion. */
export function tracksGeneration(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  return !GROUPS_WITHOUT_GENERATION.has(slash < 0 ? '' : apiVersion.slice(0, slash));
}
