import type {
  ClusterApp,
  SkiperatorAppSummary,
} from '@internal/plugin-skip-common';

/** The state of one app as a row of the cluster page shows it. */
export function toClusterApp(
  summary: SkiperatorAppSummary,
  component: string | undefined,
): ClusterApp {
  const { argo } = summary;
  return {
    namespace: summary.namespace,
    name: summary.name,
    team: summary.team,
    health: summary.health,
    status: summary.summary.status,
    message: summary.summary.message,
    tag: summary.tag,
    replicas: summary.replicas,
    argo: argo
      ? {
          instance: argo.instance,
          namespace: argo.namespace,
          name: argo.name,
          sync: argo.sync.status,
          health: argo.health.status,
        }
      : undefined,
    component,
  };
}
