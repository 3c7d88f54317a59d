import type {
  UpgradePlan,
  UpgradeRun,
  UpgradeRunStep,
  UpgradeVersionsResponse,
} from '@internal/plugin-skip-common';

const minutesAgo = (m: number) =>
  new Date(Date.now() - m * 60_000).toISOString();

/** The demo fleet's versions: one cluster per environment, two admin clusters, one blocked. */
export function upgradeVersions(): UpgradeVersionsResponse {
  return {
    generatedAt: new Date().toISOString(),
    releases: [
      {
        version: '1.30.400-gke.133',
        kubernetesVersion: '1.30.10',
        order: 'user-clusters-first',
      },
      {
        version: '1.31.200-gke.59',
        kubernetesVersion: '1.31.6',
        order: 'admin-first',
      },
    ],
    clusters: [
      {
        name: 'atkv3-dev',
        environment: 'dev',
        site: 'kv3',
        role: 'user',
        platform: 'anthos-vmware',
        controlPlane: 'controlplane-v2',
        adminCluster: 'atkv3-admin-nonprod',
        current: '1.30.400-gke.133',
        behindBy: { minors: 1, releases: 1 },
        targets: ['1.31.200-gke.59'],
        runId: 'run-7',
      },
      {
        name: 'atkv3-prod',
        environment: 'prod',
        site: 'kv3',
        role: 'user',
        platform: 'anthos-vmware',
        controlPlane: 'kubeception',
        adminCluster: 'atkv3-admin-prod',
        current: '1.30.400-gke.133',
        behindBy: { minors: 1, releases: 1 },
        targets: [],
        blocked:
          'kubeception control planes must move to Controlplane V2 before 1.33',
      },
      {
        name: 'atkv3-admin-nonprod',
        environment: 'test',
        site: 'kv3',
        role: 'admin',
        platform: 'anthos-vmware',
        controlPlane: 'controlplane-v2',
        current: '1.31.200-gke.59',
        behindBy: { minors: 0, releases: 0 },
        targets: [],
      },
    ],
    workstations: [
      {
        site: 'kv3',
        executor: 'ssh ops@10.0.0.5:22',
        gkectlVersion: '1.31.200-gke.59',
      },
      { site: 'gcp1', error: 'connection refused' },
    ],
  };
}

/** A plan for dev and prod: admin first, one cluster left out, the prod admin cluster pulled in by a rule. */
export function upgradePlan(): UpgradePlan {
  return {
    targetVersion: '1.31.200-gke.59',
    kubernetesVersion: '1.31.6',
    scope: { kind: 'ladder' },
    order: 'admin-first',
    digest: 'd'.repeat(64),
    createdAt: new Date().toISOString(),
    clusters: [
      {
        name: 'atkv3-dev',
        environment: 'dev',
        role: 'user',
        from: '1.30.400-gke.133',
        to: '1.31.200-gke.59',
      },
      {
        name: 'atkv3-admin-prod',
        environment: 'prod',
        role: 'admin',
        from: '1.30.400-gke.133',
        to: '1.31.200-gke.59',
        why: 'From 1.31 an admin cluster goes before its user clusters',
      },
    ],
    leftOut: [
      {
        cluster: 'atkv3-prod',
        reason: 'kubeception control plane: migrate first',
      },
    ],
    stages: [
      {
        name: 'dev',
        environment: 'dev',
        steps: [
          {
            key: 'dev/preflight-diagnose/atkv3-dev',
            kind: 'preflight-diagnose',
            title: 'Check atkv3-dev is healthy',
            cluster: 'atkv3-dev',
            display:
              'gkectl diagnose cluster --kubeconfig kv3/admin.kubeconfig --cluster-name atkv3-dev',
            why: 'Every upgrade starts from a healthy cluster',
            expectedSeconds: 300,
          },
          {
            key: 'dev/upgrade-user-cluster/atkv3-dev',
            kind: 'upgrade-user-cluster',
            title: 'Upgrade atkv3-dev',
            cluster: 'atkv3-dev',
            display:
              'gkectl upgrade cluster --kubeconfig kv3/admin.kubeconfig --config atkv3-dev.yaml',
            expectedSeconds: 2700,
          },
        ],
      },
      {
        name: 'prod',
        environment: 'prod',
        steps: [
          {
            key: 'prod/approval/before',
            kind: 'approval',
            title: 'Approval before prod',
            display:
              'a platform-team member other than who started the run approves',
            why: 'skip.upgrades.gates.approvalBefore: prod',
            expectedSeconds: 0,
          },
          {
            key: 'prod/upgrade-admin-cluster/atkv3-admin-prod',
            kind: 'upgrade-admin-cluster',
            title: 'Upgrade the admin cluster atkv3-admin-prod',
            cluster: 'atkv3-admin-prod',
            display:
              'gkectl upgrade admin --kubeconfig kv3/admin-prod.kubeconfig --config admin-prod.yaml',
            expectedSeconds: 3600,
          },
        ],
      },
    ],
  };
}

function step(
  planStep: UpgradePlan['stages'][number]['steps'][number],
  stage: string,
  rest: Partial<UpgradeRunStep>,
): UpgradeRunStep {
  return { ...planStep, stage, state: 'pending', attempts: 0, ...rest };
}

/** A run of {@link upgradePlan}: dev is upgrading, prod's approval gate comes next. */
export function upgradeRun(overrides: Partial<UpgradeRun> = {}): UpgradeRun {
  const plan = upgradePlan();
  const [dev, prod] = plan.stages;
  return {
    id: 'run-7',
    targetVersion: plan.targetVersion,
    scope: plan.scope,
    state: 'running',
    createdBy: 'user:default/kari',
    createdAt: minutesAgo(20),
    plan,
    steps: [
      step(dev.steps[0], 'dev', {
        state: 'succeeded',
        attempts: 1,
        startedAt: minutesAgo(20),
        finishedAt: minutesAgo(15),
        exitCode: 0,
      }),
      step(dev.steps[1], 'dev', {
        state: 'running',
        attempts: 1,
        startedAt: minutesAgo(15),
      }),
      step(prod.steps[0], 'prod', {}),
      step(prod.steps[1], 'prod', {}),
    ],
    events: [
      { at: minutesAgo(20), actor: 'user:default/kari', action: 'started' },
      {
        at: minutesAgo(15),
        actor: 'engine',
        action: 'step succeeded',
        stepKey: 'dev/preflight-diagnose/atkv3-dev',
      },
    ],
    drift: [],
    viewer: {
      operate: { allowed: true },
      approve: { allowed: true },
      abort: { allowed: true },
    },
    ...overrides,
  };
}

/** {@link upgradeRun} when dev is done and prod waits for its approval. */
export function runWaitingForApproval(
  approve: UpgradeRun['viewer']['approve'],
): UpgradeRun {
  const run = upgradeRun({
    state: 'waiting',
    message: 'Waiting for an approval before prod',
  });
  run.steps[1] = {
    ...run.steps[1],
    state: 'succeeded',
    finishedAt: minutesAgo(2),
    exitCode: 0,
  };
  run.steps[2] = {
    ...run.steps[2],
    state: 'waiting',
    startedAt: minutesAgo(2),
    message: 'Waits for a platform-team member to approve prod',
  };
  run.viewer = { ...run.viewer, approve };
  return run;
}
