import { Scenario, ScenarioApp, ScenarioCluster, ScenarioTeam } from './scenarioSchema';

const ENVIRONMENTS = ['sandbox', 'dev', 'test', 'prod'] as const;
const TEAM_COUNT = 20;

function controlPlaneFor(onPrem: boolean, i: number): ScenarioCluster['controlPlane'] {
  if (!onPrem) return 'gke-managed';
  return i % 4 === 0 ? 'kubeception' : 'controlplane-v2';
}

/** Options of the benchmark world. */
export type ScaleScenarioOptions = { clusters: number; appsPerCluster: number };

/**
 * A large deterministic world for benchmarks: `clusters` user clusters (half on-prem under one admin
 * cluster per environment, half GKE), 20 teams, `appsPerCluster` apps per user cluster, 1 in 500
 * failing to pull its image. Pod logs are not written eagerly.
 */
export function generateScaleScenario(opts: ScaleScenarioOptions): Scenario {
  const clusters: ScenarioCluster[] = [];
  const admins = new Map<string, ScenarioCluster>();
  for (let i = 0; i < opts.clusters; i++) {
    const environment = ENVIRONMENTS[i % ENVIRONMENTS.length];
    const onPrem = i % 2 === 0;
    if (onPrem && !admins.has(environment)) {
      const admin: ScenarioCluster = {
        name: `scale-admin-${environment}`,
        role: 'admin',
        environment,
        site: 'scale',
        platform: 'anthos-vmware',
        controlPlane: 'controlplane-v2',
        kubernetesVersion: 'v1.30.6-gke.1700',
        platformVersion: '1.30.300-gke.84',
        nodes: 3,
        skiperatorVersion: 'v2.18.1',
      };
      admins.set(environment, admin);
      clusters.push(admin);
    }
    clusters.push({
      name: `scale-${String(i + 1).padStart(2, '0')}-${environment}`,
      role: 'user',
      environment,
      site: onPrem ? 'scale' : 'scalegcp',
      platform: onPrem ? 'anthos-vmware' : 'gke',
      controlPlane: controlPlaneFor(onPrem, i),
      adminCluster: onPrem ? `scale-admin-${environment}` : undefined,
      kubernetesVersion: onPrem ? 'v1.30.8-gke.1300' : 'v1.31.6-gke.1020000',
      platformVersion: onPrem ? '1.30.400-gke.133' : '1.31.6-gke.1020000',
      nodes: 3,
      skiperatorVersion: 'v2.18.1',
    });
  }
  const users = clusters.filter(c => c.role === 'user');
  const prodHost = users.find(c => c.environment === 'prod') ?? users[0];
  const nonprodHost = users.find(c => c.environment !== 'prod') ?? users[0];
  const teams: ScenarioTeam[] = [];
  for (let t = 0; t < TEAM_COUNT; t++) {
    const name = `team${String(t + 1).padStart(2, '0')}`;
    teams.push({
      name,
      prefix: `${name}-`,
      group: `group:default/${name}`,
      iamGroups: [`aad-tf-team-${name}@kartverket.no`],
      products: [],
    });
  }
  const apps: ScenarioApp[] = [];
  let n = 0;
  for (const cluster of users) {
    for (let a = 0; a < opts.appsPerCluster; a++) {
      const team = teams[a % TEAM_COUNT];
      const name = `${team.name}-svc${String(Math.floor(a / TEAM_COUNT) + 1).padStart(4, '0')}`;
      const fault = n++ % 500 === 499 ? 'image-pull' : undefined;
      apps.push({
        team: team.name,
        name,
        cluster: cluster.name,
        namespace: `${name}-main`,
        image: fault ? `ghcr.io/kartverket/${name}:missing` : `ghcr.io/kartverket/${name}:1.0.${a % 7}`,
        port: 8080,
        replicas: 1,
        fault,
      });
    }
  }
  return {
    name: `scale-${opts.clusters}x${opts.appsPerCluster}`,
    clusters,
    // A fleet too small for two Argo CD clusters gets one instance, as a small platform would run.
    argocd:
      prodHost.name === nonprodHost.name
        ? [{ name: 'argocd', cluster: nonprodHost.name, namespace: 'argocd', environments: ['sandbox', 'dev', 'test', 'prod'] }]
        : [
            { name: 'argocd-nonprod', cluster: nonprodHost.name, namespace: 'argocd', environments: ['sandbox', 'dev', 'test'] },
            { name: 'argocd-prod', cluster: prodHost.name, namespace: 'argocd', environments: ['prod'] },
          ],
    teams,
    apps,
    workstations: [{ name: 'scale-admin-ws', site: 'scale', version: '1.30.400-gke.133' }],
    missingImages: [],
    preparedBundles: Object.fromEntries([...admins.values()].map(a => [a.name, [a.platformVersion, '1.30.400-gke.133']])),
    eagerPodLogs: false,
    // Every cluster still gets the bootstrap RBAC; hand-made bindings are the demo world's.
    accessBindings: [],
    ownedResources: 'workload',
  };
}
