import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { backendFeatures } from './features';
import { skipRoutes } from './__testUtils__/skipRoutes';
import {
  eventually,
  GATED_UPGRADE_PLAN,
  SKIP_TEST_FEATURES,
  startGatedUpgradeRun,
  startSkipTestBackend,
} from './__testUtils__/startSkipTestBackend';

jest.setTimeout(120_000);

/** Who calls: nobody, a developer of seeiendom, one of matrikkel, the platform team, a backend service. */
const callers = {
  anonymous: mockCredentials.none.header(),
  seeiendomDev: mockCredentials.user.header('user:default/guest'),
  matrikkelDev: mockCredentials.user.header('user:default/mats'),
  platform: mockCredentials.user.header('user:default/pia'),
  service: mockCredentials.service.header(),
};
type Caller = keyof typeof callers;
type Expected = Record<Caller, number>;

const all = (status: number): Expected => ({
  anonymous: 401,
  seeiendomDev: status,
  matrikkelDev: status,
  platform: status,
  service: status,
});
/** Owned by seeiendom: its developers and the platform team (and trusted backend services for reads). */
const seeiendomRead: Expected = {
  anonymous: 401,
  seeiendomDev: 200,
  matrikkelDev: 403,
  platform: 200,
  service: 200,
};
/** A platform namespace: only the platform team (and trusted backend services). */
const platformRead: Expected = {
  anonymous: 401,
  seeiendomDev: 403,
  matrikkelDev: 403,
  platform: 200,
  service: 200,
};
/** Changes are made by people of the owning team or the platform team, never by services. */
const seeiendomChange: Expected = {
  anonymous: 401,
  seeiendomDev: 202,
  matrikkelDev: 403,
  platform: 202,
  service: 403,
};
const matrikkelChange: Expected = {
  anonymous: 401,
  seeiendomDev: 403,
  matrikkelDev: 202,
  platform: 202,
  service: 403,
};

/** Upgrades: every signed-in user and trusted service sees them... */
const upgradesRead: Expected = all(200);
/** ...only the platform team plans, starts, gates and stops them, never a service; refused before the input is looked at. */
const upgradesChange = (platform: number): Expected => ({
  anonymous: 401,
  seeiendomDev: 403,
  matrikkelDev: 403,
  platform,
  service: 403,
});
/** Access: every signed-in user and trusted service reads rules, plans, drift and grants... */
const accessRead: Expected = all(200);
/** ...only the platform team changes rules and clusters, never a service; refused before the input is looked at. */
const accessChange = upgradesChange;
/** Onboarding: reads for all; requests by a team's members; decisions by the platform team. */
const onboardingRead: Expected = all(200);
const onboardingDecision = upgradesChange;
/** A request of newteam's (Mats is a member), waiting: made before the table. */
let matrixRequest = '';
const MATRIX_RULE = {
  id: 'matrix-nrl-view',
  group: 'group:default/nrl',
  role: 'view',
  clusters: { type: 'environment', environment: 'dev' },
  namespaces: { type: 'team-prefix', team: 'group:default/nrl' },
};
const GATE = encodeURIComponent('test/approval/before');
const NOT_A_GATE = encodeURIComponent('test/upgrade-user-cluster/atkv3-test');
const NO_SUCH_RUN = 'run-2026-01-01-00000000';

type Row = {
  plugin: string;
  route: string;
  case: string;
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  body?: object;
  expected: Expected;
  /** Puts the cluster back after each call, so every caller meets the same state. */
  after?: () => void;
};

const SEEIENDOM_POD_NS = 'seeiendom-api-main';
let seeiendomPod = '';
/** The upgrade run started before the table, waiting at its gate. */
let gatedRun = '';

describe('authorization matrix: every SKIP route x every kind of caller', () => {
  let backend: Awaited<ReturnType<typeof startSkipTestBackend>>;

  const clearArgoOperation = (cluster: string, name: string) => () => {
    const store = backend.sim.cluster(cluster).store;
    const app = store.get(
      'argoproj.io/v1alpha1',
      'Application',
      'argocd',
      name,
    )!;
    const { operation: _operation, ...rest } = app as Record<string, unknown>;
    const status = { ...(app.status as Record<string, unknown>) };
    delete status.operationState;
    store.put({ ...(rest as typeof app), status });
  };

  const rows = (): Row[] => [
    {
      plugin: 'skip-fleet',
      route: 'GET /clusters',
      case: 'the fleet page',
      method: 'get',
      path: '/clusters',
      expected: all(200),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /clusters/{cluster}',
      case: 'a cluster page (apps of every team, as on /apps)',
      method: 'get',
      path: '/clusters/atkv3-dev',
      expected: all(200),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /clusters/{cluster}',
      case: 'a cluster that is not configured',
      method: 'get',
      path: '/clusters/no-such-cluster',
      expected: all(404),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps',
      case: "another team's component",
      method: 'get',
      path: '/apps?entityRef=component:default/matrikkel-api',
      expected: all(200),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps',
      case: "a team's apps",
      method: 'get',
      path: '/apps?team=group:default/matrikkel',
      expected: all(200),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps',
      case: 'entityRef and team at once',
      method: 'get',
      path: '/apps?team=group:default/matrikkel&entityRef=component:default/matrikkel-api',
      expected: all(400),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /namespaces',
      case: "a team's namespaces",
      method: 'get',
      path: '/namespaces?team=group:default/seeiendom',
      expected: all(200),
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps/{cluster}/{namespace}/{name}/access-policy',
      case: "seeiendom's app",
      method: 'get',
      path: `/apps/atkv3-dev/${SEEIENDOM_POD_NS}/seeiendom-api/access-policy`,
      expected: seeiendomRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps/{cluster}/{namespace}/{name}/access-policy',
      case: 'no such app in kube-system (who may not look learns nothing)',
      method: 'get',
      path: '/apps/atkv3-dev/kube-system/no-such-app/access-policy',
      expected: {
        anonymous: 401,
        seeiendomDev: 403,
        matrikkelDev: 403,
        platform: 404,
        service: 404,
      },
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps/{cluster}/{namespace}/{name}/tree',
      case: "seeiendom's app",
      method: 'get',
      path: `/apps/atkv3-dev/${SEEIENDOM_POD_NS}/seeiendom-api/tree`,
      expected: seeiendomRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /apps/{cluster}/{namespace}/{name}/tree',
      case: 'no such app in kube-system (who may not look learns nothing)',
      method: 'get',
      path: '/apps/atkv3-dev/kube-system/no-such-app/tree',
      expected: {
        anonymous: 401,
        seeiendomDev: 403,
        matrikkelDev: 403,
        platform: 404,
        service: 404,
      },
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /resources/{cluster}/{namespace}/{kind}/{name}',
      case: "seeiendom's app",
      method: 'get',
      path: `/resources/atkv3-dev/${SEEIENDOM_POD_NS}/Application/seeiendom-api`,
      expected: seeiendomRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /resources/{cluster}/{namespace}/{kind}/{name}',
      case: 'a pod in kube-system',
      method: 'get',
      path: '/resources/atkv3-dev/kube-system/Pod/matrix-probe',
      expected: platformRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /resources/{cluster}/{namespace}/{kind}/{name}',
      case: 'a namespace of an admin cluster',
      method: 'get',
      path: '/resources/atkv3-admin-nonprod/seeiendom-api-main/Pod/matrix-probe',
      expected: platformRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /resources/{cluster}/{namespace}/{kind}/{name}',
      case: 'a namespace the cache has not seen, with the team prefix',
      method: 'get',
      path: '/resources/atkv3-dev/seeiendom-not-synced-yet/Pod/x',
      expected: {
        anonymous: 401,
        seeiendomDev: 403,
        matrikkelDev: 403,
        platform: 404,
        service: 404,
      },
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /pods/{cluster}/{namespace}/{name}/log',
      case: "a pod of seeiendom's app",
      method: 'get',
      path: `/pods/atkv3-dev/${SEEIENDOM_POD_NS}/${seeiendomPod}/log`,
      expected: seeiendomRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /pods/{cluster}/{namespace}/{name}/log',
      case: 'a pod in kube-system',
      method: 'get',
      path: '/pods/atkv3-dev/kube-system/matrix-probe/log',
      expected: platformRead,
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /pods/{cluster}/{namespace}/{name}/log',
      case: 'a kube-system pod, followed',
      method: 'get',
      path: '/pods/atkv3-dev/kube-system/matrix-probe/log?follow=true&tailLines=1',
      expected: { ...platformRead, platform: 0, service: 0 },
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /argocd/{instance}/{namespace}/{name}',
      case: "seeiendom's app (history, source, last operation: people who may look into its namespace)",
      method: 'get',
      path: '/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main',
      expected: { ...seeiendomRead, service: 403 },
    },
    {
      plugin: 'skip-fleet',
      route: 'GET /argocd/{instance}/{namespace}/{name}/diff',
      case: "seeiendom's app (live objects against git: people who may look into its namespace)",
      method: 'get',
      path: '/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main/diff',
      expected: { ...seeiendomRead, service: 403 },
    },
    {
      plugin: 'skip-fleet',
      route: 'POST /argocd/{instance}/{namespace}/{name}/rollback',
      case: "matrikkel's app in prod (synced by hand)",
      method: 'post',
      path: '/argocd/argocd-prod/argocd/atgcp1-prod-matrikkel-gateway-main/rollback',
      body: { id: 0 },
      expected: matrikkelChange,
      after: clearArgoOperation(
        'atgcp1-prod',
        'atgcp1-prod-matrikkel-gateway-main',
      ),
    },
    {
      plugin: 'skip-fleet',
      route: 'POST /argocd/{instance}/{namespace}/{name}/rollback',
      case: "seeiendom's auto-synced app in dev: who may sync learns why not (409)",
      method: 'post',
      path: '/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main/rollback',
      body: { id: 0 },
      expected: { ...seeiendomChange, seeiendomDev: 409, platform: 409 },
    },
    {
      plugin: 'skip-fleet',
      route: 'POST /argocd/{instance}/{namespace}/{name}/refresh',
      case: "seeiendom's app",
      method: 'post',
      path: '/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main/refresh',
      body: { type: 'normal' },
      expected: seeiendomChange,
    },
    {
      plugin: 'skip-fleet',
      route: 'POST /argocd/{instance}/{namespace}/{name}/refresh',
      case: "matrikkel's app",
      method: 'post',
      path: '/argocd/argocd-nonprod/argocd/atkv3-dev-matrikkel-api-main/refresh',
      body: {},
      expected: matrikkelChange,
    },
    {
      plugin: 'skip-fleet',
      route: 'POST /argocd/{instance}/{namespace}/{name}/sync',
      case: "seeiendom's app in dev",
      method: 'post',
      path: '/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main/sync',
      body: {},
      expected: seeiendomChange,
      after: clearArgoOperation('atgcp1-dev', 'atkv3-dev-seeiendom-api-main'),
    },
    {
      plugin: 'skip-fleet',
      route: 'POST /argocd/{instance}/{namespace}/{name}/sync',
      case: "matrikkel's app in prod",
      method: 'post',
      path: '/argocd/argocd-prod/argocd/atgcp1-prod-matrikkel-gateway-main/sync',
      body: { prune: true },
      expected: matrikkelChange,
      after: clearArgoOperation(
        'atgcp1-prod',
        'atgcp1-prod-matrikkel-gateway-main',
      ),
    },
    {
      plugin: 'skip-upgrades',
      route: 'GET /versions',
      case: 'the versions page',
      method: 'get',
      path: '/versions',
      expected: upgradesRead,
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /plans',
      case: 'an empty body: who may not plan learns nothing about the input',
      method: 'post',
      path: '/plans',
      body: {},
      expected: upgradesChange(400),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /plans',
      case: "a preview of atkv3-test's upgrade",
      method: 'post',
      path: '/plans',
      body: GATED_UPGRADE_PLAN,
      expected: upgradesChange(200),
    },
    {
      plugin: 'skip-upgrades',
      route: 'GET /runs',
      case: 'the runs not yet ended',
      method: 'get',
      path: '/runs?active=true',
      expected: upgradesRead,
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs',
      case: 'an empty body',
      method: 'post',
      path: '/runs',
      body: {},
      expected: upgradesChange(400),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs',
      case: 'a plan other than the one previewed',
      method: 'post',
      path: '/runs',
      body: { ...GATED_UPGRADE_PLAN, planDigest: '0'.repeat(64) },
      expected: upgradesChange(409),
    },
    {
      plugin: 'skip-upgrades',
      route: 'GET /runs/{runId}',
      case: 'a run waiting at its gate',
      method: 'get',
      path: `/runs/${gatedRun}`,
      expected: upgradesRead,
    },
    {
      plugin: 'skip-upgrades',
      route: 'GET /runs/{runId}',
      case: 'no such run',
      method: 'get',
      path: `/runs/${NO_SUCH_RUN}`,
      expected: all(404),
    },
    {
      plugin: 'skip-upgrades',
      route: 'GET /runs/{runId}/steps/{stepKey}/output',
      case: 'the waiting gate',
      method: 'get',
      path: `/runs/${gatedRun}/steps/${GATE}/output`,
      expected: upgradesRead,
    },
    {
      plugin: 'skip-upgrades',
      route: 'GET /runs/{runId}/steps/{stepKey}/output',
      case: 'no such run',
      method: 'get',
      path: `/runs/${NO_SUCH_RUN}/steps/${GATE}/output`,
      expected: all(404),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/pause',
      case: 'no such run',
      method: 'post',
      path: `/runs/${NO_SUCH_RUN}/pause`,
      expected: upgradesChange(404),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/resume',
      case: 'a run that is not paused',
      method: 'post',
      path: `/runs/${gatedRun}/resume`,
      expected: upgradesChange(409),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/abort',
      case: 'no such run',
      method: 'post',
      path: `/runs/${NO_SUCH_RUN}/abort`,
      body: { reason: 'matrix' },
      expected: upgradesChange(404),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/abort',
      case: 'a reason that is not a string',
      method: 'post',
      path: `/runs/${gatedRun}/abort`,
      body: { reason: 5 },
      expected: upgradesChange(400),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/steps/{stepKey}/approve',
      case: 'a step that is not a gate',
      method: 'post',
      path: `/runs/${gatedRun}/steps/${NOT_A_GATE}/approve`,
      body: {},
      expected: upgradesChange(409),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/steps/{stepKey}/approve',
      case: 'the waiting gate, with a reason that is not a string',
      method: 'post',
      path: `/runs/${gatedRun}/steps/${GATE}/approve`,
      body: { reason: ['x'] },
      expected: upgradesChange(400),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/steps/{stepKey}/retry',
      case: 'a step that has not failed',
      method: 'post',
      path: `/runs/${gatedRun}/steps/${GATE}/retry`,
      expected: upgradesChange(409),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/clusters/{cluster}/skip',
      case: 'no reason given',
      method: 'post',
      path: `/runs/${gatedRun}/clusters/atkv3-test/skip`,
      body: {},
      expected: upgradesChange(400),
    },
    {
      plugin: 'skip-upgrades',
      route: 'POST /runs/{runId}/clusters/{cluster}/skip',
      case: 'no such run',
      method: 'post',
      path: `/runs/${NO_SUCH_RUN}/clusters/atkv3-test/skip`,
      body: { reason: 'matrix' },
      expected: upgradesChange(404),
    },
    {
      plugin: 'skip-access',
      route: 'GET /rules',
      case: 'every rule, the groups and the rights',
      method: 'get',
      path: '/rules',
      expected: accessRead,
    },
    {
      plugin: 'skip-access',
      route: 'POST /rules/validate',
      case: "the editor's live check",
      method: 'post',
      path: '/rules/validate',
      body: MATRIX_RULE,
      expected: accessRead,
    },
    {
      plugin: 'skip-access',
      route: 'POST /rules',
      case: 'an empty body: who may not change rules learns nothing about the input',
      method: 'post',
      path: '/rules',
      body: {},
      expected: accessChange(400),
    },
    {
      plugin: 'skip-access',
      route: 'POST /rules',
      case: 'a new rule',
      method: 'post',
      path: '/rules',
      body: MATRIX_RULE,
      expected: accessChange(201),
    },
    {
      plugin: 'skip-access',
      route: 'PUT /rules/{ruleId}',
      case: 'a change of that rule',
      method: 'put',
      path: '/rules/matrix-nrl-view',
      body: { ...MATRIX_RULE, role: 'edit' },
      expected: accessChange(200),
    },
    {
      plugin: 'skip-access',
      route: 'DELETE /rules/{ruleId}',
      case: "a team's default rule, which follows its prefix",
      method: 'delete',
      path: '/rules/default-nrl',
      expected: accessChange(409),
    },
    {
      plugin: 'skip-access',
      route: 'DELETE /rules/{ruleId}',
      case: 'the new rule',
      method: 'delete',
      path: '/rules/matrix-nrl-view',
      expected: accessChange(204),
    },
    {
      plugin: 'skip-access',
      route: 'GET /plan',
      case: 'the plan of one cluster',
      method: 'get',
      path: '/plan?cluster=atkv3-dev',
      expected: accessRead,
    },
    {
      plugin: 'skip-access',
      route: 'POST /apply',
      case: 'an empty body',
      method: 'post',
      path: '/apply',
      body: {},
      expected: accessChange(400),
    },
    {
      plugin: 'skip-access',
      route: 'POST /apply',
      case: 'a plan other than the one previewed',
      method: 'post',
      path: '/apply',
      body: { planDigest: '0'.repeat(64) },
      expected: accessChange(409),
    },
    {
      plugin: 'skip-access',
      route: 'GET /drift',
      case: 'the last drift check',
      method: 'get',
      path: '/drift',
      expected: accessRead,
    },
    {
      plugin: 'skip-access',
      route: 'POST /drift/check',
      case: 'a check now',
      method: 'post',
      path: '/drift/check',
      expected: accessChange(200),
    },
    {
      plugin: 'skip-access',
      route: 'POST /drift/repair',
      case: 'no such cluster',
      method: 'post',
      path: '/drift/repair',
      body: { cluster: 'no-such-cluster' },
      expected: accessChange(404),
    },
    {
      plugin: 'skip-access',
      route: 'GET /export/{cluster}',
      case: "atkv3-dev's desired bindings",
      method: 'get',
      path: '/export/atkv3-dev',
      expected: accessRead,
    },
    {
      plugin: 'skip-access',
      route: 'GET /effective',
      case: 'what seeiendom can do, where',
      method: 'get',
      path: `/effective?group=${encodeURIComponent('group:default/seeiendom')}`,
      expected: accessRead,
    },
    {
      plugin: 'skip-onboarding',
      route: 'GET /prefixes',
      case: 'every prefix and what the caller may do',
      method: 'get',
      path: '/prefixes',
      expected: onboardingRead,
    },
    {
      plugin: 'skip-onboarding',
      route: 'POST /validate',
      case: 'the live check of a prefix',
      method: 'post',
      path: '/validate',
      body: { team: 'group:default/newteam', prefix: 'matrix-' },
      expected: onboardingRead,
    },
    {
      plugin: 'skip-onboarding',
      route: 'GET /requests',
      case: 'every request',
      method: 'get',
      path: '/requests',
      expected: onboardingRead,
    },
    {
      plugin: 'skip-onboarding',
      route: 'POST /requests',
      case: 'an empty body: people get the field named, services nothing',
      method: 'post',
      path: '/requests',
      body: {},
      expected: {
        anonymous: 401,
        seeiendomDev: 400,
        matrikkelDev: 400,
        platform: 400,
        service: 403,
      },
    },
    {
      plugin: 'skip-onboarding',
      route: 'POST /requests',
      case: 'a prefix for newteam: its members only, and newteam holds one already (its request made before the table)',
      method: 'post',
      path: '/requests',
      body: { team: 'group:default/newteam', prefix: 'mx-' },
      expected: {
        anonymous: 401,
        seeiendomDev: 403,
        matrikkelDev: 400,
        platform: 400,
        service: 403,
      },
    },
    {
      plugin: 'skip-onboarding',
      route: 'GET /requests/{requestId}',
      case: "newteam's waiting request",
      method: 'get',
      path: `/requests/${matrixRequest}`,
      expected: onboardingRead,
    },
    {
      plugin: 'skip-onboarding',
      route: 'GET /requests/{requestId}/plan',
      case: 'what approving it would write',
      method: 'get',
      path: `/requests/${matrixRequest}/plan`,
      expected: onboardingRead,
    },
    {
      plugin: 'skip-onboarding',
      route: 'POST /requests/{requestId}/approve',
      case: 'no such request',
      method: 'post',
      path: '/requests/req-none/approve',
      body: {},
      expected: onboardingDecision(404),
    },
    {
      plugin: 'skip-onboarding',
      route: 'POST /requests/{requestId}/reject',
      case: "newteam's waiting request",
      method: 'post',
      path: `/requests/${matrixRequest}/reject`,
      body: { reason: 'matrix' },
      expected: onboardingDecision(200),
    },
    {
      plugin: 'skip-onboarding',
      route: 'POST /prefixes/{prefix}/retire',
      case: 'a prefix nobody was granted here',
      method: 'post',
      path: '/prefixes/nosuch-/retire',
      body: { reason: 'matrix' },
      expected: onboardingDecision(404),
    },
    {
      plugin: 'skip-onboarding',
      route: 'GET /prefixes/{prefix}/export',
      case: "seeiendom's Argo CD objects",
      method: 'get',
      path: '/prefixes/seeiendom-/export',
      expected: onboardingRead,
    },
  ];

  beforeAll(async () => {
    backend = await startSkipTestBackend();
    const { sim } = backend;
    for (const [cluster, namespace] of [
      ['atkv3-dev', 'kube-system'],
      ['atkv3-admin-nonprod', 'seeiendom-api-main'],
    ]) {
      sim.cluster(cluster).store.put({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'matrix-probe', namespace },
        spec: {
          containers: [{ name: 'probe', image: 'registry.k8s.io/pause:3.10' }],
        },
        status: { phase: 'Running' },
      });
      sim
        .cluster(cluster)
        .logs.append(namespace, 'matrix-probe', 'probe', 'token=s3cr3t');
    }
    seeiendomPod = sim
      .cluster('atkv3-dev')
      .store.list('v1', 'Pod', SEEIENDOM_POD_NS)[0].metadata.name!;
    // The Argo CD apps and namespaces must be in the watch cache before decisions depend on them.
    await eventually(
      () =>
        request(backend.server)
          .get('/api/skip-fleet/apps?team=group:default/matrikkel')
          .set('Authorization', callers.platform)
          .then(res => res.body),
      body => body.items?.filter((i: any) => i.argo).length >= 5,
      'matrikkel apps joined with Argo CD',
    );
    // An upgrade run for the rows that need one, waiting at its gate: every caller meets it so.
    gatedRun = (await startGatedUpgradeRun(backend.server, callers.platform))
      .id;
    const asked = await request(backend.server)
      .post('/api/skip-onboarding/requests')
      .set('Authorization', callers.matrikkelDev)
      .send({ team: 'group:default/newteam', prefix: 'mtrx-' });
    if (asked.status !== 201) {
      throw new Error(
        `The matrix's request answered ${asked.status}: ${asked.text}`,
      );
    }
    matrixRequest = asked.body.id;
  });

  afterAll(() => backend?.stop());

  it('has a row for every route of every SKIP backend plugin, and no row for a route that does not exist', () => {
    const documented = skipRoutes()
      .map(r => `${r.pluginId} ${r.route}`)
      .sort();
    const covered = [
      ...new Set(rows().map(r => `${r.plugin} ${r.route}`)),
    ].sort();
    expect(covered).toEqual(documented);
  });

  it('answers every caller as the table says', async () => {
    const got: string[] = [];
    const want: string[] = [];
    const refusals: any[] = [];
    for (const row of rows()) {
      for (const [caller, header] of Object.entries(callers) as [
        Caller,
        string,
      ][]) {
        let status: number;
        if (row.path.includes('follow=true') && row.expected[caller] === 0) {
          // A followed log stays open: an allowed caller gets the stream's 200 headers.
          const { port } = backend.server.address() as { port: number };
          const aborter = new AbortController();
          const res = await fetch(
            `http://localhost:${port}/api/${row.plugin}${row.path}`,
            {
              headers: { Authorization: header },
              signal: aborter.signal,
            },
          );
          status = res.status === 200 ? 0 : res.status;
          aborter.abort();
        } else {
          const req = request(backend.server)
            [row.method](`/api/${row.plugin}${row.path}`)
            .set('Authorization', header);
          const res = await (row.body ? req.send(row.body) : req);
          status = res.status;
          if (status === 403) refusals.push(res.body);
        }
        row.after?.();
        got.push(`${row.route} [${row.case}] as ${caller}: ${status}`);
        want.push(
          `${row.route} [${row.case}] as ${caller}: ${row.expected[caller]}`,
        );
      }
    }
    expect(got).toEqual(want);
    // A refusal says why, without leaking what it protects.
    expect(refusals).toHaveLength(
      rows()
        .flatMap(r => Object.values(r.expected))
        .filter(s => s === 403).length,
    );
    for (const body of refusals) {
      expect(body.error.message).toMatch(/platform team|signed-in users/);
      expect(JSON.stringify(body)).not.toMatch(/s3cr3t/);
    }
  });

  it('leaves no side door: the stock Kubernetes proxy is not served, not even to the platform team', async () => {
    // What the product loads, besides what this harness loads, serves no cluster.
    const loaded = Object.keys(backendFeatures);
    expect(loaded).not.toContain('@backstage/plugin-kubernetes-backend');
    expect(loaded).toEqual(expect.arrayContaining(SKIP_TEST_FEATURES));
    for (const header of Object.values(callers)) {
      const patch = await request(backend.server)
        .patch(
          '/api/kubernetes/proxy/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/atgcp1-prod-matrikkel-gateway-main',
        )
        .set('Authorization', header)
        .set('Backstage-Kubernetes-Cluster', 'atgcp1-prod')
        .set('Content-Type', 'application/merge-patch+json')
        .send({ operation: { sync: { prune: true } } });
      expect(patch.status).toBe(404);
      const secrets = await request(backend.server)
        .get('/api/kubernetes/proxy/api/v1/namespaces/kube-system/secrets')
        .set('Authorization', header)
        .set('Backstage-Kubernetes-Cluster', 'atgcp1-prod');
      expect(secrets.status).toBe(404);
    }
    const app = backend.sim
      .cluster('atgcp1-prod')
      .store.get(
        'argoproj.io/v1alpha1',
        'Application',
        'argocd',
        'atgcp1-prod-matrikkel-gateway-main',
      ) as any;
    expect(app.operation).toBeUndefined();
  });

  it('audits every change on a cluster: who, what, where, and how it ended', async () => {
    backend.audit.length = 0;
    const res = await request(backend.server)
      .post(
        '/api/skip-fleet/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main/sync',
      )
      .set('Authorization', callers.seeiendomDev)
      .send({ prune: true });
    expect(res.body).toEqual({ accepted: true });
    const denied = await request(backend.server)
      .post(
        '/api/skip-fleet/argocd/argocd-nonprod/argocd/atkv3-dev-seeiendom-api-main/sync',
      )
      .set('Authorization', callers.platform)
      .send({});
    // A second sync while the first runs is refused before it reaches the cluster.
    expect(denied.status).toBe(409);
    expect(denied.body.error.message).toMatch(
      /already has an operation in progress/,
    );
    clearArgoOperation('atgcp1-dev', 'atkv3-dev-seeiendom-api-main')();
    expect(backend.audit).toEqual([
      expect.objectContaining({
        eventId: 'argocd-app-change',
        status: 'initiated',
        authorization: callers.seeiendomDev,
      }),
      expect.objectContaining({
        eventId: 'argocd-app-change',
        status: 'succeeded',
        severityLevel: 'medium',
        authorization: callers.seeiendomDev,
        meta: expect.objectContaining({
          cluster: 'atgcp1-dev',
          namespace: 'argocd',
          kind: 'Application',
          name: 'atkv3-dev-seeiendom-api-main',
          action: 'sync with prune',
          instance: 'argocd-nonprod',
          destination: 'atkv3-dev/seeiendom-api-main',
        }),
      }),
    ]);
  });
});
