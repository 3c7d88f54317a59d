import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { UpgradePlan } from '@internal/plugin-skip-common';
import { upgradesConfigSchema } from '../../config/upgradesConfig';
import type { RunRecord, StepRecord } from '../../database/RunStore';
import { UpgradeAccess } from './UpgradeAccess';

const plan = {
  clusters: [
    {
      name: 'atkv3-admin-prod',
      environment: 'prod',
      role: 'admin',
      from: '1.30.300-gke.84',
      to: '1.31.200-gke.59',
    },
    {
      name: 'atkv3-test',
      environment: 'test',
      role: 'user',
      from: '1.30.300-gke.84',
      to: '1.31.200-gke.59',
    },
  ],
} as unknown as UpgradePlan;
const run = { id: 'run-1', createdBy: 'user:default/pia', plan } as RunRecord;
const gate = (stage: string, cluster?: string) =>
  ({
    key: `${stage}/approval/${cluster ?? 'before'}`,
    stage,
    kind: 'approval',
    cluster,
    state: 'waiting',
  } as StepRecord);

/** Permissions as the SKIP policy gives them: the platform team everything, others nothing but reads. */
const permissions = {
  authorize: async (
    requests: { permission: { name: string } }[],
    { credentials }: { credentials: { principal: { userEntityRef?: string } } },
  ) =>
    requests.map(r => ({
      result:
        credentials.principal.userEntityRef === 'user:default/guest' &&
        r.permission.name !== 'skip.upgrade.run.read'
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
    })),
};

describe('UpgradeAccess', () => {
  const access = UpgradeAccess.create({
    permissions: permissions as never,
    config: upgradesConfigSchema.parse({}),
  });

  it('keeps the one who started a run from approving its prod gate, and lets another platform-team member', async () => {
    expect(
      access.fourEyesProblem(run, gate('prod'), 'user:default/pia'),
    ).toMatch(/another platform-team member/);
    expect(
      access.fourEyesProblem(run, gate('prod'), 'user:default/ola'),
    ).toBeUndefined();
    expect(
      access.fourEyesProblem(run, gate('test'), 'user:default/pia'),
    ).toBeUndefined();
  });

  it('takes the environment of the cluster a gate stands in front of, not the stage it sits in', () => {
    expect(
      access.fourEyesProblem(
        run,
        gate('test', 'atkv3-admin-prod'),
        'user:default/pia',
      ),
    ).toMatch(/the prod gate/);
  });

  it('tells a viewer what they may do on a run, and why not', async () => {
    const pia = await access.rights(
      mockCredentials.user('user:default/pia'),
      run,
      gate('prod'),
    );
    expect(pia.operate.allowed).toBe(true);
    expect(pia.approve).toEqual({
      allowed: false,
      reason: expect.stringMatching(/You started this run/),
    });
    const ola = await access.rights(
      mockCredentials.user('user:default/ola'),
      run,
      gate('prod'),
    );
    expect(ola.approve).toEqual({ allowed: true });
    const guest = await access.rights(
      mockCredentials.user('user:default/guest'),
      run,
      gate('prod'),
    );
    expect(guest).toEqual({
      operate: {
        allowed: false,
        reason: expect.stringMatching(/Only the platform team/),
      },
      approve: {
        allowed: false,
        reason: expect.stringMatching(/Only the platform team approves/),
      },
      abort: {
        allowed: false,
        reason: expect.stringMatching(/Only the platform team aborts/),
      },
    });
    await expect(
      access.require(mockCredentials.user('user:default/guest'), 'operate'),
    ).rejects.toThrow(/Only the platform team/);
  });
});
