import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { UpgradePlan } from '@internal/plugin-skip-common';
import { upgradesConfigSchema } from '../../config/upgradesConfig';
import { DatabaseRunStore } from '../../database/DatabaseRunStore';
import type { UpgradeDriver } from '../Drivers/types';
import type { ClusterChecks } from './clusterChecks';
import { RunEngine } from './RunEngine';

jest.setTimeout(30_000);

const upgradeStep = {
  key: 'prod/upgrade-user-cluster/atkv3-prod',
  kind: 'upgrade-user-cluster' as const,
  title: 'Upgrade user cluster atkv3-prod',
  site: 'atkv3',
  cluster: 'atkv3-prod',
  command: ['gkectl', 'upgrade', 'cluster'],
  display: 'gkectl upgrade cluster',
  expectedSeconds: 1,
};
const plan = {
  targetVersion: '1.30.400-gke.133',
  kubernetesVersion: 'v1.30.8-gke.1300',
  scope: { kind: 'cluster', cluster: 'atkv3-prod' },
  order: 'user-clusters-first',
  stages: [{ name: 'prod', environment: 'prod', steps: [upgradeStep] }],
  clusters: [
    {
      name: 'atkv3-prod',
      environment: 'prod',
      role: 'user',
      from: '1.30.300-gke.84',
      to: '1.30.400-gke.133',
    },
  ],
  leftOut: [],
  digest: 'd',
  createdAt: '2026-12-02T10:00:00Z',
} as unknown as UpgradePlan;

/** A driver that counts what it runs and takes a moment each time. */
function countingDriver() {
  const ran: string[] = [];
  const driver = {
    execute: async (step: { key: string }) => {
      ran.push(step.key);
      await new Promise(r => setTimeout(r, 300));
      return { exitCode: 0 };
    },
    verify: async () => 'not-reached' as const,
  } as unknown as UpgradeDriver;
  return { ran, driver };
}

describe('the run engine under races', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });

  async function setUp(
    databaseId: Parameters<typeof databases.init>[0],
    config: object = {},
  ) {
    const knex = await databases.init(databaseId);
    const store = await DatabaseRunStore.create({
      database: mockServices.database({ knex, migrations: { skip: false } }),
    });
    await store.createRun(
      {
        id: 'run-1',
        targetVersion: plan.targetVersion,
        scope: plan.scope,
        plan,
        state: 'running',
        createdBy: 'user:default/pia',
        createdAt: new Date(),
      },
      [
        {
          position: 0,
          key: upgradeStep.key,
          stage: 'prod',
          kind: upgradeStep.kind,
          cluster: 'atkv3-prod',
          state: 'pending',
          attempts: 0,
        },
      ],
      ['atkv3-prod'],
      'user:default/pia',
    );
    const { ran, driver } = countingDriver();
    const engine = RunEngine.create({
      store,
      driver,
      checks: {} as ClusterChecks,
      config: upgradesConfigSchema.parse({
        engine: { leaseSeconds: 30, tickMilliseconds: 100 },
        ...config,
      }),
      logger: { info() {}, warn() {}, error() {} },
      notifier: {
        gateWaiting: async () => {},
        stepFailed: async () => {},
        runEnded: async () => {},
      },
      ownerId: 'replica-a',
    });
    return { store, engine, ran };
  }

  it.each(databases.eachSupportedId())(
    'runs a step once when the scheduler and an action tick at the same moment, on %p',
    async databaseId => {
      const { store, engine, ran } = await setUp(databaseId);
      await Promise.all([engine.tick(), engine.tick(), engine.tick()]);
      for (
        let i = 0;
        i < 30 && (await store.getRun('run-1'))?.state !== 'succeeded';
        i++
      ) {
        await new Promise(r => setTimeout(r, 100));
        await engine.tick();
      }
      expect(ran).toEqual([upgradeStep.key]);
      expect((await store.getSteps('run-1'))[0]).toEqual(
        expect.objectContaining({ state: 'succeeded', attempts: 1 }),
      );
      engine.stop();
    },
  );

  it.each(databases.eachSupportedId())(
    'does not start an upgrade outside its environment window, and says when it opens, on %p',
    async databaseId => {
      // A window that is never open now: the day of the week after today's, for one minute.
      const tomorrow = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][
        (new Date().getUTCDay() + 2) % 7
      ];
      const { store, engine, ran } = await setUp(databaseId, {
        gates: {
          windows: {
            prod: {
              timeZone: 'UTC',
              days: [tomorrow],
              from: '03:00',
              to: '03:01',
            },
          },
        },
      });
      await engine.tick();
      await new Promise(r => setTimeout(r, 300));
      expect(ran).toEqual([]);
      const run = await store.getRun('run-1');
      expect(run?.state).toBe('waiting');
      expect(run?.message).toMatch(
        /outside the prod window, opens \d{4}-\d\d-\d\dT03:00/,
      );
      expect((await store.getSteps('run-1'))[0].state).toBe('pending');
      engine.stop();
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to skip a cluster whose step the engine has just started, on %p',
    async databaseId => {
      const { store } = await setUp(databaseId);
      const now = new Date();
      await store.claimRun(
        'run-1',
        'replica-a',
        now,
        new Date(now.getTime() + 30_000),
      );
      await store.update({
        runId: 'run-1',
        owner: 'replica-a',
        step: {
          key: upgradeStep.key,
          patch: { state: 'running' },
          fromStates: ['pending'],
        },
        now,
      });
      const skipped = await store.update({
        runId: 'run-1',
        steps: {
          keys: [upgradeStep.key],
          patch: { state: 'skipped' },
          fromStates: ['pending', 'failed', 'waiting'],
          unlessRunning: true,
        },
        now,
      });
      expect(skipped).toBe(false);
      expect((await store.getSteps('run-1'))[0].state).toBe('running');
    },
  );
});
