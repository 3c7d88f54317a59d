import { TestDatabases } from '@backstage/backend-test-utils';
import { loadScenario } from '@internal/fleet-sim';
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import type { UpgradesConfig } from '../../config/upgradesConfig';
import type { StepRecord } from '../../database/RunStore';
import { FleetApi, startFleetApi } from '../../__testUtils__/startFleetApi';
import {
  createTestEngine,
  Told,
  waitFor,
} from '../../__testUtils__/testEngine';

jest.setTimeout(180_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15'],
  disableDocker: true,
});

type Engine = Awaited<ReturnType<typeof createTestEngine>>;

/** Ticks an engine as the scheduler would, until stopped. */
function ticking(engine: Engine['engine'], everyMs = 100) {
  const timer = setInterval(() => void engine.tick().catch(() => {}), everyMs);
  return () => {
    clearInterval(timer);
    engine.stop();
  };
}

describe.each(databases.eachSupportedId())(
  'the upgrade engine on %p',
  databaseId => {
    let fleet: FleetApi;
    let knex: Knex;
    let upgrades: UpgradesConfig;
    const stops: (() => void)[] = [];

    beforeAll(async () => {
      fleet = await startFleetApi();
      knex = await databases.init(databaseId);
      // A dead engine's lease lapses quickly here.
      upgrades = {
        ...fleet.upgrades,
        engine: { leaseSeconds: 2, tickMilliseconds: 100 },
      };
    });
    afterEach(() => {
      for (const stop of stops.splice(0)) stop();
    });
    afterAll(async () => {
      await fleet?.stop();
    });

    const engineOf = async (ownerId: string, told?: Told[], db: Knex = knex) =>
      createTestEngine({
        knex: db,
        fleet: fleet.reader(),
        upgrades,
        ownerId,
        told,
      });
    const stepsOf = (e: Engine, runId: string) => e.store.getSteps(runId);
    const step = (steps: StepRecord[], key: string) =>
      steps.find(s => s.key === key)!;
    const runOf = (e: Engine, runId: string) =>
      e.store.getRun(runId).then(r => r!);
    const invocationsSince = async (before: number) =>
      (await fleet.invocations()).slice(before);
    const count = (
      list: { command: string; cluster?: string }[],
      command: string,
      cluster: string,
    ) =>
      list.filter(i => i.command === command && i.cluster === cluster).length;

    it('runs a plan to its end: every command once, the cluster at the target, the platform team told', async () => {
      const told: Told[] = [];
      const a = await engineOf('engine-a', told);
      stops.push(ticking(a.engine));
      const before = (await fleet.invocations()).length;
      const runId = await a.start({
        targetVersion: '1.30.400-gke.133',
        scope: { kind: 'cluster', cluster: 'atkv3-test' },
      });
      const run = await waitFor(
        'the run to end',
        () => runOf(a, runId),
        r => r.state !== 'running' && r.state !== 'waiting',
      );
      expect(run.state).toBe('succeeded');
      const ran = await invocationsSince(before);
      expect(count(ran, 'upgrade cluster', 'atkv3-test')).toBe(1);
      expect(count(ran, 'check-config', 'atkv3-test')).toBe(1);
      expect(count(ran, 'diagnose cluster', 'atkv3-test')).toBe(2);
      expect(ran.every(i => i.exitCode === 0)).toBe(true);
      const health = await fleet.reader().health('atkv3-test');
      expect(health.version).toBe('1.30.400-gke.133');
      const steps = await stepsOf(a, runId);
      expect(
        steps.every(
          s =>
            s.state === 'succeeded' && (s.kind === 'soak' || s.attempts === 1),
        ),
      ).toBe(true);
      const output = await a.store.readOutput(
        runId,
        'test/upgrade-user-cluster/atkv3-test',
        0,
        1000,
      );
      expect(output.map(l => l.line)).toEqual(
        expect.arrayContaining([
          expect.stringContaining('Upgrading user cluster "atkv3-test"'),
        ]),
      );
      // The config file on the workstation now names the target.
      const configFile = path.join(
        upgrades.sites[0].workDir!,
        'atkv3-test.yaml',
      );
      expect(fs.readFileSync(configFile, 'utf8')).toContain(
        'gkeOnPremVersion: 1.30.400-gke.133',
      );
      expect(told).toEqual([
        expect.objectContaining({
          what: 'ended',
          runId,
          text: expect.stringContaining('succeeded'),
        }),
      ]);
    });

    it('two engines on one database never run the same step; the prod gate waits for another person', async () => {
      const told: Told[] = [];
      // The second engine has a connection of its own, as a second replica would.
      const second =
        databaseId === 'SQLITE_3' ? knex : knexFactory(knex.client.config);
      const a = await engineOf('replica-a', told);
      const b = await engineOf('replica-b', told, second);
      stops.push(ticking(a.engine, 50), ticking(b.engine, 50));
      const before = (await fleet.invocations()).length;
      const runId = await a.start(
        {
          targetVersion: '1.30.400-gke.133',
          scope: { kind: 'cluster', cluster: 'atkv3-prod' },
        },
        'user:default/pia',
      );
      await waitFor(
        'the prod gate',
        () => stepsOf(a, runId),
        s => step(s, 'prod/approval/before').state === 'waiting',
      );
      expect(told).toEqual([expect.objectContaining({ what: 'gate', runId })]);
      await expect(
        a.runs.approve(
          a.actor('user:default/pia'),
          runId,
          'prod/approval/before',
          undefined,
        ),
      ).rejects.toThrow(/another platform-team member/);
      await b.runs.approve(
        b.actor('user:default/ola'),
        runId,
        'prod/approval/before',
        'change CHG-1234',
      );
      const run = await waitFor(
        'the run to end',
        () => runOf(a, runId),
        r => r.state === 'succeeded' || r.state === 'failed',
      );
      expect(run.state).toBe('succeeded');
      const ran = await invocationsSince(before);
      expect(count(ran, 'upgrade cluster', 'atkv3-prod')).toBe(1);
      expect(count(ran, 'check-config', 'atkv3-prod')).toBe(1);
      expect(count(ran, 'prepare', 'atkv3-admin-prod')).toBe(1);
      expect(
        step(await stepsOf(a, runId), 'prod/approval/before').approvedBy,
      ).toBe('user:default/ola');
      if (second !== knex) await second.destroy();
    });

    it('a failing step stops the run with its output; a retry runs it again and goes on', async () => {
      const told: Told[] = [];
      const a = await engineOf('engine-a', told);
      stops.push(ticking(a.engine));
      await fetch(new URL('/gkectl/behaviour', fleet.sim.controlUrl), {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          failures: [
            {
              command: 'upgrade admin',
              cluster: 'atkv3-admin-nonprod',
              exitCode: 1,
              message: 'vCenter datastore is full',
              times: 1,
            },
          ],
        }),
      });
      const runId = await a.start({
        targetVersion: '1.30.400-gke.133',
        scope: { kind: 'cluster', cluster: 'atkv3-admin-nonprod' },
      });
      const failed = await waitFor(
        'the run to fail',
        () => runOf(a, runId),
        r => r.state === 'failed' || r.state === 'succeeded',
      );
      expect(failed.state).toBe('failed');
      expect(failed.message).toContain('vCenter datastore is full');
      const key = 'test/upgrade-admin-cluster/atkv3-admin-nonprod';
      const failedStep = step(await stepsOf(a, runId), key);
      expect(failedStep).toEqual(
        expect.objectContaining({ state: 'failed', exitCode: 1, attempts: 1 }),
      );
      const output = (await a.store.readOutput(runId, key, 0, 1000)).map(
        l => l.line,
      );
      expect(output).toEqual(
        expect.arrayContaining([
          'Exit with error:',
          'vCenter datastore is full',
        ]),
      );
      // Nothing after the failed step ran.
      expect(
        step(
          await stepsOf(a, runId),
          'test/postflight-diagnose/atkv3-admin-nonprod',
        ).state,
      ).toBe('pending');
      expect(told).toEqual([
        expect.objectContaining({
          what: 'failed',
          text: expect.stringContaining('vCenter datastore is full'),
        }),
      ]);

      await a.runs.retry(a.actor('user:default/pia'), runId, key);
      const done = await waitFor(
        'the retried run to end',
        () => runOf(a, runId),
        r => r.state === 'succeeded' || r.state === 'failed',
      );
      expect(done.state).toBe('succeeded');
      expect(step(await stepsOf(a, runId), key).attempts).toBe(2);
    });

    it('a soak that sees an app turn Degraded stops the run', async () => {
      const a = await engineOf('engine-a');
      stops.push(ticking(a.engine));
      const runId = await a.start({
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'cluster', cluster: 'atkv3-dev' },
        gates: { soakSeconds: 60 },
      });
      await waitFor(
        'the dev soak',
        () => stepsOf(a, runId),
        s => step(s, 'dev/soak').state === 'waiting',
        120_000,
      );
      // Someone deploys a version of seeiendom-api whose image does not exist while the stage soaks.
      const scenario = await loadScenario('demo');
      const missingImage = scenario.apps.find(
        app => app.fault === 'image-pull',
      )!.image;
      const live = fleet.sim
        .cluster('atkv3-dev')
        .store.get(
          'skiperator.kartverket.no/v1alpha1',
          'Application',
          'seeiendom-api-main',
          'seeiendom-api',
        )!;
      const res = await fetch(
        new URL('/apps-repos/seeiendom/directories', fleet.sim.controlUrl),
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            cluster: 'atkv3-dev',
            namespace: 'seeiendom-api-main',
            manifests: [
              {
                apiVersion: live.apiVersion,
                kind: live.kind,
                metadata: {
                  name: 'seeiendom-api',
                  namespace: 'seeiendom-api-main',
                },
                spec: { ...(live.spec as object), image: missingImage },
              },
            ],
          }),
        },
      );
      expect(res.ok).toBe(true);
      const run = await waitFor(
        'the soak to stop the run',
        () => runOf(a, runId),
        r => r.state === 'failed' || r.state === 'succeeded',
        120_000,
      );
      expect(run.state).toBe('failed');
      expect(run.message).toMatch(
        /Soak of dev stopped the run: Argo CD app .*seeiendom-api.* on atkv3-dev .* turned Degraded/,
      );
      // The run holds its clusters until someone ends it.
      await a.runs.abort(
        a.actor('user:default/pia'),
        runId,
        'bad deploy, not the upgrade',
      );
      expect((await runOf(a, runId)).state).toBe('aborted');
    });

    it('pause stops before the next step and resume goes on; abort interrupts the running command and records it at once', async () => {
      const a = await engineOf('engine-a');
      stops.push(ticking(a.engine));
      const runId = await a.start({
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'cluster', cluster: 'atkv3-sandbox' },
      });
      await waitFor(
        'the first step',
        () => stepsOf(a, runId),
        s => s.some(x => x.state === 'succeeded'),
      );
      await a.runs.pause(a.actor('user:default/pia'), runId);
      await waitFor(
        'no step running',
        () => stepsOf(a, runId),
        s => !s.some(x => x.state === 'running'),
      );
      const pausedAt = (await stepsOf(a, runId)).filter(
        s => s.state === 'succeeded',
      ).length;
      await new Promise(r => setTimeout(r, 800));
      expect(
        (await stepsOf(a, runId)).filter(s => s.state === 'succeeded').length,
      ).toBe(pausedAt);
      await a.runs.resume(a.actor('user:default/pia'), runId);
      const key = 'sandbox/upgrade-user-cluster/atkv3-sandbox';
      // atkv3-sandbox is enrolled in the GKE On-Prem API in the demo: the second driver runs (and is interrupted).
      expect(
        (await runOf(a, runId)).plan.stages[0].steps.find(s => s.key === key)!
          .command![0],
      ).toBe('gcloud');
      await waitFor(
        'the upgrade to run',
        () => stepsOf(a, runId),
        s => step(s, key).state === 'running',
        120_000,
      );
      await a.runs.abort(
        a.actor('user:default/pia'),
        runId,
        'wrong change window',
      );
      const run = await waitFor(
        'the abort',
        () => runOf(a, runId),
        r => r.state === 'aborted',
      );
      expect(run.message).toContain(
        'Aborted while Upgrade user cluster atkv3-sandbox',
      );
      const steps = await stepsOf(a, runId);
      expect(step(steps, key)).toEqual(
        expect.objectContaining({ state: 'aborted', exitCode: 143 }),
      );
      expect(steps.filter(s => s.state === 'running')).toEqual([]);
      expect(
        step(steps, 'sandbox/postflight-diagnose/atkv3-sandbox').state,
      ).toBe('pending');
    });
  },
);

describe.each(databases.eachSupportedId())(
  'an engine killed in the middle of an upgrade, on %p',
  databaseId => {
    let fleet: FleetApi;
    const children: ChildProcess[] = [];

    beforeAll(async () => {
      fleet = await startFleetApi();
    });
    afterAll(async () => {
      for (const child of children) child.kill('SIGKILL');
      await fleet?.stop();
    });

    /** An engine in its own process, on the same database. */
    async function engineProcess(
      knexConfig: Knex.Config,
      ownerId: string,
    ): Promise<ChildProcess> {
      const child = spawn(
        process.execPath,
        [
          '--require',
          require.resolve('tsx/cjs'),
          path.join(__dirname, '../../__testUtils__/engineProcess.ts'),
        ],
        {
          env: {
            ...process.env,
            SKIP_TEST_ENGINE: JSON.stringify({
              knexConfig,
              fleetUrl: fleet.fleetUrl,
              upgrades: {
                ...fleet.upgrades,
                engine: { leaseSeconds: 2, tickMilliseconds: 100 },
              },
              ownerId,
            }),
          },
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on(
          'data',
          chunk => String(chunk).includes('ready') && resolve(),
        );
        child.on('exit', code =>
          reject(new Error(`engine process exited with ${code}`)),
        );
      });
      return child;
    }

    it('checks the cluster before anything runs again, and never runs the upgrade twice', async () => {
      let knexConfig: Knex.Config;
      let knex: Knex;
      if (databaseId === 'SQLITE_3') {
        // Two processes share a file database, as two replicas share PostgreSQL.
        knexConfig = {
          client: 'better-sqlite3',
          connection: { filename: path.join(fleet.dir, 'runs.sqlite') },
          useNullAsDefault: true,
        };
        knex = knexFactory(knexConfig);
      } else {
        knex = await databases.init(databaseId);
        // The test database's own name, on the server scripts/postgres.sh names (the password is not in knex's config).
        const { database } = knex.client.config.connection as {
          database: string;
        };
        const server = new URL(
          process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING!,
        );
        server.pathname = `/${database}`;
        knexConfig = { client: 'pg', connection: server.toString() };
      }
      // This process only previews and starts the run; the engines are other processes.
      const here = await createTestEngine({
        knex,
        fleet: fleet.reader(),
        upgrades: fleet.upgrades,
        ownerId: 'starter',
      });
      const before = (await fleet.invocations()).length;
      const runId = await here.start({
        targetVersion: '1.30.400-gke.133',
        scope: { kind: 'cluster', cluster: 'atkv3-test' },
      });
      const key = 'test/upgrade-user-cluster/atkv3-test';

      const first = await engineProcess(knexConfig, 'engine-1');
      await waitFor(
        'gkectl upgrade cluster to start',
        () => invocationsFor(),
        list => list.some(i => i.command === 'upgrade cluster'),
      );
      first.kill('SIGKILL');
      expect(
        await here.store
          .getSteps(runId)
          .then(s => s.find(x => x.key === key)!.state),
      ).toBe('running');

      await engineProcess(knexConfig, 'engine-2');
      const run = await waitFor(
        'the run to end',
        () => here.store.getRun(runId).then(r => r!),
        r => r.state === 'succeeded' || r.state === 'failed',
        120_000,
      );
      expect(run.state).toBe('succeeded');
      const ran = await invocationsFor();
      expect(ran.filter(i => i.command === 'upgrade cluster')).toHaveLength(1);
      expect(ran.filter(i => i.command === 'check-config')).toHaveLength(1);
      const upgrade = (await here.store.getSteps(runId)).find(
        s => s.key === key,
      )!;
      expect(upgrade).toEqual(
        expect.objectContaining({
          state: 'succeeded',
          attempts: 1,
          message: expect.stringContaining('not run again'),
        }),
      );
      const events = await here.store.getEvents(runId);
      expect(events.map(e => e.action)).toContain('step-verified');
      if (databaseId === 'SQLITE_3') await knex.destroy();

      async function invocationsFor() {
        return (await fleet.invocations())
          .slice(before)
          .filter(i => i.cluster === 'atkv3-test');
      }
    });
  },
);
