import { writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';

/** Portal-facing facts about a cluster that Kubernetes itself does not carry. */
export type ClusterExtras = {
  name: string;
  environment: 'sandbox' | 'dev' | 'test' | 'prod';
  site: string;
  platform: 'anthos-vmware' | 'gke';
  controlPlane: 'kubeception' | 'controlplane-v2' | 'gke-managed';
  role: 'user' | 'admin';
  adminCluster?: string;
};

/** An Argo CD instance: where its Application objects live, and its REST API when one is served. */
export type ArgoInstance = {
  name: string;
  cluster: string;
  namespace: string;
  /** The environments whose clusters it deploys to (the onboarding plugin's `skip.onboarding.argocd`). */
  environments?: string[];
  api?: { url: string; token: string };
};

/** What the config writer needs of the simulator (FleetSim satisfies it). */
export type BackstageConfigSource = {
  caPem: string;
  clusters: Map<string, { name: string; url: string; token: string }>;
};

/** The app-config block pointing the portal's Kubernetes backend and skip config at the simulator. */
export function renderBackstageConfig(sim: BackstageConfigSource, extras: ClusterExtras[], argocd: ArgoInstance[], upgrades?: Record<string, unknown>): string {
  const caData = Buffer.from(sim.caPem).toString('base64');
  const byName = new Map(extras.map(e => [e.name, e]));
  return stringify({
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [...sim.clusters.values()].map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: c.token,
            caData,
            skipMetricsLookup: true,
          })),
        },
      ],
    },
    skip: {
      clusters: [...sim.clusters.values()]
        .map(c => byName.get(c.name))
        .filter((e): e is ClusterExtras => !!e)
        .map(e => ({
          name: e.name,
          environment: e.environment,
          site: e.site,
          platform: e.platform,
          controlPlane: e.controlPlane,
          role: e.role,
          ...(e.adminCluster ? { adminCluster: e.adminCluster } : {}),
        })),
      argocd: { instances: argocd.map(a => ({ name: a.name, cluster: a.cluster, namespace: a.namespace, ...(a.api ? { api: a.api } : {}) })) },
      ...(upgrades ? { upgrades } : {}),
      onboarding: {
        argocd: argocd
          .filter(a => a.environments?.length)
          .map(a => ({ instance: a.name, environments: a.environments })),
      },
    },
  });
}

/** Writes the app-config file (mode 0600: it holds the clusters' and Argo CD APIs' tokens). */
export async function writeBackstageConfig(sim: BackstageConfigSource, extras: ClusterExtras[], argocd: ArgoInstance[], file: string, upgrades?: Record<string, unknown>): Promise<void> {
  await writeFile(file, renderBackstageConfig(sim, extras, argocd, upgrades), { mode: 0o600 });
}
