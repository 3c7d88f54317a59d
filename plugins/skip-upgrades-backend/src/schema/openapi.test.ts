import {
  contractCheckingProxy,
  specOperations,
} from '@internal/plugin-skip-node/testUtils';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { UpgradeRun } from '@internal/plugin-skip-common';
import request from 'supertest';
import {
  PIA,
  startUpgradesTestBackend,
  UpgradesTestBackend,
} from '../__testUtils__/startUpgradesTestBackend';
import { createOpenApiRouter, spec } from './openapi/generated';

jest.setTimeout(180_000);

/** A developer: may read runs, nothing more. */
const GUEST = 'user:default/guest';
const TARGET = '1.30.400-gke.133';
/** atkv3-test's upgrade to {@link TARGET} takes seconds on the simulator; a gate holds it before it starts. */
const GATED = {
  targetVersion: TARGET,
  scope: { kind: 'cluster', cluster: 'atkv3-test' },
  gates: { approvalBefore: ['test'] },
};
const GATE = 'test/approval/before';
const UPGRADE = 'test/upgrade-user-cluster/atkv3-test';
const key = (k: string) => encodeURIComponent(k);

describe('the OpenAPI contract, against real answers from a run on the simulated fleet', () => {
  let backend: UpgradesTestBackend;
  let proxy: Awaited<ReturnType<typeof contractCheckingProxy>>;

  beforeAll(async () => {
    backend = await startUpgradesTestBackend({
      decide: (permission, user) =>
        user !== GUEST || permission === 'skip.upgrade.run.read',
    });
    await backend.ready();
    proxy = await contractCheckingProxy(backend.server, {
      createOpenApiRouter,
      spec,
    });
  });

  afterAll(() => backend?.stop());

  it('answers every operation, successes and errors alike, as the spec describes', async () => {
    const statuses: string[] = [];
    const call = async (
      method: 'get' | 'post',
      path: string,
      body?: object,
      who: string | null = PIA,
    ) => {
      const req = request(proxy.app)[method](`/api/skip-upgrades${path}`);
      req.set(
        'Authorization',
        who ? mockCredentials.user.header(who) : mockCredentials.none.header(),
      );
      const res = await (body ? req.send(body) : req);
      statuses.push(`${method.toUpperCase()} ${path}: ${res.status}`);
      return res;
    };
    let runId = '';
    const runState = (ok: (run: UpgradeRun) => boolean, what: string) =>
      backend.waitForRun(runId, ok, what);

    await call('get', '/versions');
    await call('get', '/versions', undefined, null);
    await call('post', '/plans', {});
    await call('post', '/plans', {
      targetVersion: TARGET,
      scope: { kind: 'cluster', cluster: 'no-such-cluster' },
    });
    // Two minors at once breaks a rule.
    await call('post', '/plans', {
      ...GATED,
      targetVersion: '1.32.200-gke.104',
    });
    await call('post', '/plans', GATED, GUEST);
    const plan = await call('post', '/plans', GATED);
    await call('post', '/runs', { ...GATED, planDigest: 'a'.repeat(64) });
    await call('post', '/runs', {});
    await call(
      'post',
      '/runs',
      { ...GATED, planDigest: plan.body.digest },
      GUEST,
    );
    const started = await call('post', '/runs', {
      ...GATED,
      planDigest: plan.body.digest,
    });
    runId = started.body.id;
    await runState(r => r.state === 'waiting', 'the run waiting at its gate');

    await call('get', '/runs');
    await call('get', '/runs?active=true');
    await call('get', '/runs?active=yes');
    await call('get', `/runs/${runId}`);
    await call('get', `/runs/${runId}`, undefined, GUEST);
    await call('get', '/runs/run-no-such-run');
    await call('get', '/runs/Not_A_Run_Id');
    await call('get', `/runs/${runId}/steps/${key(GATE)}/output`);
    await call('get', `/runs/${runId}/steps/${key(GATE)}/output?after=x`);
    await call('get', `/runs/${runId}/steps/no-such-step/output`);
    // What the run's state does not allow is a 409 naming the state.
    await call('post', `/runs/${runId}/steps/${key(UPGRADE)}/approve`, {});
    await call('post', `/runs/${runId}/steps/no-such-step/approve`, {});
    await call('post', `/runs/${runId}/steps/${key(GATE)}/retry`);
    await call('post', `/runs/${runId}/resume`);
    await call('post', `/runs/${runId}/pause`, undefined, GUEST);
    await call('post', `/runs/${runId}/pause`);
    await call('post', `/runs/${runId}/pause`);
    await call('post', `/runs/${runId}/resume`);
    // Resumed, the run waits at its gate again.
    await runState(r => r.state === 'waiting', 'the run waiting again');
    await call('post', `/runs/${runId}/clusters/atkv3-test/skip`, {});
    await call('post', `/runs/${runId}/clusters/atkv3-prod/skip`, {
      reason: 'not in this run',
    });
    await call('post', `/runs/${runId}/steps/${key(GATE)}/approve`, {}, GUEST);
    await call('post', `/runs/${runId}/steps/${key(GATE)}/approve`, {
      reason: 'test stage approved',
    });
    await runState(
      r => r.steps.some(s => s.key === UPGRADE && s.state !== 'pending'),
      'the upgrade step started',
    );
    await call('get', `/runs/${runId}/steps/${key(UPGRADE)}/output?after=0`);
    await call('post', `/runs/${runId}/abort`, {}, GUEST);
    await call('post', `/runs/${runId}/abort`, { reason: 'contract test' });
    await runState(r => r.state === 'aborted', 'the run aborted');
    await call('post', `/runs/${runId}/abort`);
    await call('post', `/runs/${runId}/resume`);
    await call('post', `/runs/${runId}/steps/${key(UPGRADE)}/retry`);
    await call('post', `/runs/${runId}/clusters/atkv3-test/skip`, {
      reason: 'after the abort',
    });
    await call('get', '/runs?active=false');

    expect(proxy.violations).toEqual([]);
    // The calls above meet every kind of answer they are meant to.
    expect(statuses.map(s => s.replace(/^.*: /, ''))).toEqual([
      '200', // GET /versions
      '401', // ... without a token
      '400', // POST /plans: no body
      '404', // ... a cluster the fleet does not have
      '409', // ... two minors at once
      '403', // ... by a developer
      '200', // ... the gated plan
      '409', // POST /runs: another plan's digest
      '400', // ... no body
      '403', // ... by a developer
      '201', // ... the gated plan
      '200', // GET /runs
      '200', // GET /runs?active=true
      '400', // GET /runs?active=yes
      '200', // GET /runs/{runId}
      '200', // ... by a developer
      '404', // ... no such run
      '400', // ... not a run id
      '200', // GET output of the gate
      '400', // ... after=x
      '404', // ... no such step
      '409', // approve a step that is not a gate
      '404', // approve no such step
      '409', // retry a step that has not failed
      '409', // resume a run that is not paused
      '403', // pause by a developer
      '200', // pause
      '409', // pause again
      '200', // resume
      '400', // skip without a reason
      '404', // skip a cluster the run does not touch
      '403', // approve by a developer
      '200', // approve
      '200', // output of the upgrade
      '403', // abort by a developer
      '200', // abort
      '409', // abort again
      '409', // resume an aborted run
      '409', // retry in an aborted run
      '409', // skip in an aborted run
      '200', // GET /runs?active=false
    ]);
    expect([...proxy.exercised].sort()).toEqual(specOperations(spec).sort());
  });
});
