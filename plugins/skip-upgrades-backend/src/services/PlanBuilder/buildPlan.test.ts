import type {
  ClusterMetadata,
  UpgradePlanRequest,
} from '@internal/plugin-skip-common';
import { upgradesConfigSchema } from '../../config/upgradesConfig';
import { DEFAULT_RELEASES } from '../../rules/releases';
import { GkectlDriver } from '../Drivers/GkectlDriver';
import { OnPremApiDriver } from '../Drivers/OnPremApiDriver';
import { SiteDrivers } from '../Drivers/SiteDrivers';
import type { FleetCluster } from '../FleetReader/types';
import { buildPlan, PlanInputs } from './buildPlan';

/** The demo fleet's on-prem site, at the versions a test gives. */
function fleet(versions: Record<string, string> = {}): FleetCluster[] {
  const c = (
    metadata: Partial<ClusterMetadata> & { name: string },
    version: string,
  ): FleetCluster => ({
    metadata: {
      environment: 'dev',
      site: 'atkv3',
      platform: 'anthos-vmware',
      controlPlane: 'kubeception',
      role: 'user',
      ...metadata,
    } as ClusterMetadata,
    version: versions[metadata.name] ?? version,
    reachable: true,
    nodes: { ready: 3, total: 3 },
    upgrading: false,
  });
  return [
    c(
      { name: 'atkv3-admin-nonprod', environment: 'test', role: 'admin' },
      '1.30.300-gke.84',
    ),
    c(
      {
        name: 'atkv3-admin-prod',
        environment: 'prod',
        role: 'admin',
        controlPlane: 'controlplane-v2',
      },
      '1.30.300-gke.84',
    ),
    c(
      {
        name: 'atkv3-sandbox',
        environment: 'sandbox',
        controlPlane: 'controlplane-v2',
        adminCluster: 'atkv3-admin-nonprod',
      },
      '1.30.400-gke.133',
    ),
    c(
      {
        name: 'atkv3-dev',
        environment: 'dev',
        adminCluster: 'atkv3-admin-nonprod',
      },
      '1.30.400-gke.133',
    ),
    c(
      {
        name: 'atkv3-test',
        environment: 'test',
        adminCluster: 'atkv3-admin-nonprod',
      },
      '1.30.300-gke.84',
    ),
    c(
      {
        name: 'atkv3-prod',
        environment: 'prod',
        adminCluster: 'atkv3-admin-prod',
      },
      '1.30.300-gke.84',
    ),
    c(
      {
        name: 'atgcp1-dev',
        environment: 'dev',
        platform: 'gke',
        controlPlane: 'gke-managed',
      },
      '1.31.6-gke.1020000',
    ),
  ];
}

const config = upgradesConfigSchema.parse({
  sites: [
    {
      name: 'atkv3',
      executor: { type: 'local' },
      adminWorkstation: { config: 'aw.yaml', infoFile: 'aw-info' },
      clusters: [
        {
          name: 'atkv3-admin-nonprod',
          config: 'admin-nonprod.yaml',
          kubeconfig: 'kc-admin-nonprod',
        },
        {
          name: 'atkv3-admin-prod',
          config: 'admin-prod.yaml',
          kubeconfig: 'kc-admin-prod',
        },
        ...['sandbox', 'dev', 'test', 'prod'].map(e => ({
          name: `atkv3-${e}`,
          config: `user-${e}.yaml`,
        })),
      ],
    },
  ],
});
const driver = GkectlDriver.create({
  sites: config.sites,
  executors: new Map(),
  fleet: {
    clusters: async () => [],
    health: async () => {
      throw new Error('unused');
    },
  },
});

function plan(
  request: UpgradePlanRequest,
  overrides: Partial<PlanInputs> = {},
) {
  return buildPlan({
    request,
    releases: DEFAULT_RELEASES,
    clusters: fleet(),
    pools: new Map(),
    workstationVersions: new Map([['atkv3', '1.30.400-gke.133']]),
    config,
    render: step => driver.render(step),
    now: new Date('2026-12-02T10:00:00Z'),
    ...overrides,
  });
}

const keysOf = (result: ReturnType<typeof plan>) =>
  result.plan!.stages.flatMap(s => s.steps.map(step => step.key));

describe('buildPlan', () => {
  it('upgrades the admin workstation first, then from 1.31 each admin cluster before its user clusters, sandbox to prod', () => {
    const result = plan({
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'ladder' },
    });
    expect(result.violations).toBeUndefined();
    const { plan: p } = result;
    expect(p!.order).toBe('admin-first');
    expect(p!.stages.map(s => s.name)).toEqual([
      'sandbox',
      'dev',
      'test',
      'prod',
    ]);
    const keys = keysOf(result);
    expect(keys.slice(0, 3)).toEqual([
      'sandbox/upgrade-gkeadm/atkv3',
      'sandbox/upgrade-admin-workstation/atkv3',
      'sandbox/prepare-bundle/atkv3-admin-nonprod',
    ]);
    expect(
      keys.indexOf('sandbox/upgrade-admin-cluster/atkv3-admin-nonprod'),
    ).toBeLessThan(keys.indexOf('sandbox/upgrade-user-cluster/atkv3-sandbox'));
    expect(keys.indexOf('prod/approval/before')).toBeLessThan(
      keys.indexOf('prod/upgrade-admin-cluster/atkv3-admin-prod'),
    );
    expect(
      keys.indexOf('prod/upgrade-admin-cluster/atkv3-admin-prod'),
    ).toBeLessThan(keys.indexOf('prod/upgrade-user-cluster/atkv3-prod'));
    // The workstation is upgraded once, not per stage.
    expect(
      keys.filter(k => k.includes('upgrade-admin-workstation')),
    ).toHaveLength(1);
    expect(p!.leftOut).toEqual([
      expect.objectContaining({
        cluster: 'atgcp1-dev',
        reason: expect.stringContaining('GKE'),
      }),
    ]);
  });

  it('renders every command as the argument array gkectl gets, with the admin kubeconfig of the cluster', () => {
    const steps = plan({
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'ladder' },
    }).plan!.stages.flatMap(s => s.steps);
    const step = (key: string) => steps.find(s => s.key === key)!;
    expect(step('dev/upgrade-user-cluster/atkv3-dev').command).toEqual([
      'gkectl',
      'upgrade',
      'cluster',
      '--kubeconfig',
      'kc-admin-nonprod',
      '--config',
      'user-dev.yaml',
    ]);
    expect(step('prod/upgrade-admin-cluster/atkv3-admin-prod').command).toEqual(
      [
        'gkectl',
        'upgrade',
        'admin',
        '--kubeconfig',
        'kc-admin-prod',
        '--config',
        'admin-prod.yaml',
      ],
    );
    expect(step('sandbox/prepare-bundle/atkv3-admin-nonprod').display).toBe(
      'gkectl prepare --bundle-path /var/lib/gke/bundles/gke-onprem-vsphere-1.31.200-gke.59-full.tgz --kubeconfig kc-admin-nonprod',
    );
    expect(step('sandbox/upgrade-admin-workstation/atkv3').why).toContain(
      'gkectl-at-least-target',
    );
  });

  it('up to 1.30 upgrades the user clusters first and their admin cluster after the last of them', () => {
    const result = plan({
      targetVersion: '1.30.400-gke.133',
      scope: { kind: 'ladder' },
    });
    const keys = keysOf(result);
    expect(result.plan!.order).toBe('user-clusters-first');
    // sandbox and dev are already there; test then the admin cluster in the test stage.
    expect(result.plan!.leftOut.map(l => l.cluster)).toEqual(
      expect.arrayContaining(['atkv3-sandbox', 'atkv3-dev']),
    );
    expect(keys.indexOf('test/upgrade-user-cluster/atkv3-test')).toBeLessThan(
      keys.indexOf('test/upgrade-admin-cluster/atkv3-admin-nonprod'),
    );
    expect(keys.some(k => k.includes('upgrade-admin-workstation'))).toBe(false);
  });

  it('brings the admin cluster into a one-cluster plan from 1.31, saying which rule did', () => {
    const result = plan({
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'cluster', cluster: 'atkv3-dev' },
    });
    expect(result.plan!.clusters.map(c => c.name)).toEqual([
      'atkv3-admin-nonprod',
      'atkv3-dev',
    ]);
    expect(result.plan!.clusters[0].why).toContain('admin-at-least-users');
  });

  it('refuses to skip a minor version, naming the rule and the cluster', () => {
    const result = plan({
      targetVersion: '1.32.100-gke.106',
      scope: { kind: 'cluster', cluster: 'atkv3-test' },
    });
    expect(result.plan).toBeUndefined();
    expect(result.violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'one-minor-at-a-time',
          cluster: 'atkv3-test',
        }),
      ]),
    );
  });

  it('refuses 1.33 for a kubeception user cluster: migrate to Controlplane V2 first', () => {
    const at132 = fleet(
      Object.fromEntries(
        ['atkv3-admin-nonprod', 'atkv3-sandbox', 'atkv3-dev', 'atkv3-test'].map(
          n => [n, '1.32.200-gke.104'],
        ),
      ),
    );
    const result = plan(
      {
        targetVersion: '1.33.0-gke.799',
        scope: { kind: 'environment', environment: 'dev' },
      },
      {
        clusters: at132,
        workstationVersions: new Map([['atkv3', '1.33.0-gke.799']]),
      },
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'kubeception-before-1.33',
        cluster: 'atkv3-dev',
        message: expect.stringContaining('migrate it to Controlplane V2 first'),
      }),
    ]);
    // A Controlplane V2 cluster may go.
    const sandbox = plan(
      {
        targetVersion: '1.33.0-gke.799',
        scope: { kind: 'environment', environment: 'sandbox' },
      },
      {
        clusters: at132,
        workstationVersions: new Map([['atkv3', '1.33.0-gke.799']]),
      },
    );
    expect(sandbox.violations).toBeUndefined();
  });

  it('refuses an admin-cluster upgrade up to 1.30 that would leave a user cluster on an older minor', () => {
    const versions = {
      'atkv3-admin-nonprod': '1.29.400-gke.10',
      'atkv3-sandbox': '1.29.400-gke.10',
      'atkv3-dev': '1.30.300-gke.84',
      'atkv3-test': '1.30.300-gke.84',
    };
    const result = plan(
      {
        targetVersion: '1.30.300-gke.84',
        scope: { kind: 'environment', environment: 'test' },
      },
      { clusters: fleet(versions) },
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'users-at-least-admin-minor',
        cluster: 'atkv3-admin-nonprod',
        message: expect.stringContaining('atkv3-sandbox'),
      }),
    ]);
  });

  it('refuses when a node pool lags the target by more than one minor', () => {
    const pools = new Map([
      [
        'atkv3-test',
        [{ name: 'pool-1', kubeletVersions: ['v1.29.9-gke.100'] }],
      ],
    ]);
    const result = plan(
      {
        targetVersion: '1.31.200-gke.59',
        scope: { kind: 'cluster', cluster: 'atkv3-test' },
      },
      { pools },
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'node-pools-lag-one-minor',
        cluster: 'atkv3-test',
      }),
    ]);
  });

  it('refuses a cluster whose release is unknown, and one that is already upgrading', () => {
    const clusters = fleet();
    clusters[5] = { ...clusters[5], version: undefined, reachable: false };
    clusters[4] = { ...clusters[4], upgrading: true };
    const result = plan(
      { targetVersion: '1.30.400-gke.133', scope: { kind: 'ladder' } },
      { clusters },
    );
    expect(result.violations?.map(v => `${v.rule} ${v.cluster}`)).toEqual(
      expect.arrayContaining([
        'version-known atkv3-prod',
        'one-change-at-a-time atkv3-test',
      ]),
    );
  });

  it('puts the configured and the asked-for gates around the stages, and a soak after each', () => {
    const result = plan({
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'ladder' },
      gates: {
        approvalBefore: ['test'],
        approvalAfter: ['sandbox'],
        soakSeconds: 600,
      },
    });
    const keys = keysOf(result);
    // atkv3-admin-nonprod belongs to test: its approval goes with it into the sandbox stage.
    expect(keys.filter(k => k.includes('approval'))).toEqual([
      'sandbox/approval/atkv3-admin-nonprod',
      'sandbox/approval/after',
      'test/approval/before',
      'prod/approval/before',
    ]);
    expect(keys.filter(k => k.endsWith('/soak'))).toEqual([
      'sandbox/soak',
      'dev/soak',
      'test/soak',
      'prod/soak',
    ]);
    expect(keys.indexOf('sandbox/soak')).toBeLessThan(
      keys.indexOf('sandbox/approval/after'),
    );
  });

  it('refuses a cluster the site config does not know (no gkectl config file for it)', () => {
    const bare = upgradesConfigSchema.parse({
      sites: [
        {
          ...config.sites[0],
          clusters: config.sites[0].clusters.filter(
            c => c.name !== 'atkv3-test',
          ),
        },
      ],
    });
    const result = plan(
      {
        targetVersion: '1.30.400-gke.133',
        scope: { kind: 'cluster', cluster: 'atkv3-test' },
      },
      { config: bare },
    );
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'site-configured',
        cluster: 'atkv3-test',
      }),
    ]);
  });

  it('gives the same digest for the same plan, and another when the fleet moved', () => {
    const a = plan({
      targetVersion: '1.31.200-gke.59',
      scope: { kind: 'ladder' },
    }).plan!;
    const b = plan(
      { targetVersion: '1.31.200-gke.59', scope: { kind: 'ladder' } },
      { now: new Date('2026-12-03T10:00:00Z') },
    ).plan!;
    expect(b.digest).toBe(a.digest);
    const moved = plan(
      { targetVersion: '1.31.200-gke.59', scope: { kind: 'ladder' } },
      { clusters: fleet({ 'atkv3-test': '1.30.400-gke.133' }) },
    ).plan!;
    expect(moved.digest).not.toBe(a.digest);
  });

  it('keeps the approval of an admin cluster that the rules move into an earlier stage', () => {
    const gated = upgradesConfigSchema.parse({
      ...config,
      gates: { approvalBefore: ['test', 'prod'] },
    });
    const keys = keysOf(
      plan(
        { targetVersion: '1.31.200-gke.59', scope: { kind: 'ladder' } },
        { config: gated },
      ),
    );
    expect(
      keys.indexOf('sandbox/approval/atkv3-admin-nonprod'),
    ).toBeGreaterThan(-1);
    expect(keys.indexOf('sandbox/approval/atkv3-admin-nonprod')).toBeLessThan(
      keys.indexOf('sandbox/upgrade-admin-cluster/atkv3-admin-nonprod'),
    );
  });

  it('lets a plan lengthen the configured soak but never shorten it', () => {
    const soaking = upgradesConfigSchema.parse({
      ...config,
      gates: { soakSeconds: { prod: 3600 } },
    });
    const soakOf = (soakSeconds: number) =>
      plan(
        {
          targetVersion: '1.30.400-gke.133',
          scope: { kind: 'cluster', cluster: 'atkv3-prod' },
          gates: { soakSeconds },
        },
        { config: soaking },
      ).plan!.stages[0].steps.find(s => s.kind === 'soak')!.expectedSeconds;
    expect(soakOf(0)).toBe(3600);
    expect(soakOf(7200)).toBe(7200);
  });

  it('refuses a config whose gates name an environment that does not exist, or an unknown time zone', () => {
    expect(() =>
      upgradesConfigSchema.parse({
        gates: { windows: { production: { from: '17:00', to: '07:00' } } },
      }),
    ).toThrow(/production/);
    expect(() =>
      upgradesConfigSchema.parse({
        gates: {
          windows: {
            prod: { timeZone: 'Europe/Olso', from: '17:00', to: '07:00' },
          },
        },
      }),
    ).toThrow(/IANA time zone/);
  });

  it('upgrades a user cluster enrolled in the GKE On-Prem API with gcloud, keeping the gkectl checks around it', () => {
    const enrolled = upgradesConfigSchema.parse({
      sites: [
        {
          ...config.sites[0],
          clusters: config.sites[0].clusters.map(c =>
            c.name === 'atkv3-sandbox'
              ? { ...c, upgradeWith: 'onprem-api', location: 'europe-north1' }
              : c,
          ),
        },
      ],
    });
    const fixedFleet = {
      clusters: async () => [],
      health: async () => {
        throw new Error('unused');
      },
    };
    const drivers = new SiteDrivers(
      GkectlDriver.create({
        sites: enrolled.sites,
        executors: new Map(),
        fleet: fixedFleet,
      }),
      OnPremApiDriver.create({
        sites: enrolled.sites,
        executors: new Map(),
        fleet: fixedFleet,
      }),
    );
    const steps = plan(
      { targetVersion: '1.31.200-gke.59', scope: { kind: 'ladder' } },
      { config: enrolled, render: step => drivers.render(step) },
    ).plan!.stages.flatMap(s => s.steps);
    const sandbox = steps.find(
      s => s.key === 'sandbox/upgrade-user-cluster/atkv3-sandbox',
    )!;
    expect(sandbox.command).toEqual([
      'gcloud',
      'container',
      'vmware',
      'clusters',
      'upgrade',
      'atkv3-sandbox',
      '--location=europe-north1',
      '--version=1.31.200-gke.59',
    ]);
    expect(sandbox.why).toContain('GKE On-Prem API');
    expect(
      steps.find(s => s.key === 'sandbox/preflight-check-config/atkv3-sandbox')!
        .command![0],
    ).toBe('gkectl');
    expect(
      steps.find(s => s.key === 'dev/upgrade-user-cluster/atkv3-dev')!
        .command![0],
    ).toBe('gkectl');
  });

  it('refuses an enrolled cluster without its On-Prem API location in the config', () => {
    expect(() =>
      upgradesConfigSchema.parse({
        sites: [
          {
            ...config.sites[0],
            clusters: [
              {
                name: 'atkv3-sandbox',
                config: 'x.yaml',
                upgradeWith: 'onprem-api',
              },
            ],
          },
        ],
      }),
    ).toThrow(/location/);
  });
});
