import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import type { Scenario } from '../scenario/scenarioSchema';

/** The portal's `skip.upgrades` block for the simulated fleet (see the upgrades plugin's config.d.ts). */
export type UpgradesConfigBlock = Record<string, unknown>;

/**
 * Lays out each site's admin workstation as the platform team keeps it: per admin cluster a
 * kubeconfig whose current context is that admin cluster, per cluster its gkectl config file
 * (kind, name, gkeOnPremVersion), the admin workstation's config and info file. Returns the
 * `skip.upgrades` config that points the portal at them, with the gkectl stand-ins on PATH.
 */
export async function writeWorkstationFiles(options: {
  scenario: Scenario;
  dir: string;
  kubeconfigPath: string;
  controlUrl: string;
}): Promise<UpgradesConfigBlock> {
  const { scenario, dir } = options;
  const kubeconfig = parse(await readFile(options.kubeconfigPath, 'utf8')) as Record<string, unknown>;
  const binDir = resolve(dirname(require.resolve('@internal/fleet-sim/package.json')), 'bin');
  const sites = [];
  for (const workstation of scenario.workstations) {
    const workDir = join(dir, 'workstations', workstation.site);
    await mkdir(workDir, { recursive: true });
    const clusters = [];
    for (const cluster of scenario.clusters.filter(c => c.site === workstation.site && c.platform === 'anthos-vmware')) {
      const config = `${cluster.name}.yaml`;
      await writeFile(
        join(workDir, config),
        stringify({ apiVersion: 'v1', kind: cluster.role === 'admin' ? 'AdminCluster' : 'UserCluster', name: cluster.name, gkeOnPremVersion: cluster.platformVersion }),
      );
      const entry: Record<string, string> = { name: cluster.name, config };
      // The demo's Controlplane V2 user clusters are enrolled in the GKE On-Prem API: their
      // upgrade goes through gcloud, so both drivers can be tried from the start command.
      if (cluster.role === 'user' && cluster.controlPlane === 'controlplane-v2') {
        entry.upgradeWith = 'onprem-api';
        entry.location = 'europe-north1';
      }
      if (cluster.role === 'admin') {
        entry.kubeconfig = `kubeconfig-${cluster.name}`;
        await writeFile(join(workDir, entry.kubeconfig), stringify({ ...kubeconfig, 'current-context': cluster.name }), { mode: 0o600 });
      }
      clusters.push(entry);
    }
    await writeFile(join(workDir, 'admin-ws-config.yaml'), stringify({ adminWorkstation: { name: workstation.name } }));
    await writeFile(join(workDir, 'admin-ws-info'), `${workstation.name}\n`);
    sites.push({
      name: workstation.site,
      executor: { type: 'local', path: [binDir], env: { FLEET_SIM_CONTROL_URL: options.controlUrl } },
      workDir,
      adminWorkstation: { config: 'admin-ws-config.yaml', infoFile: 'admin-ws-info' },
      clusters,
    });
  }
  return {
    sites,
    // The simulator's upgrades take seconds, not hours: expectations, soaks and the lease to match.
    expectedSeconds: { perNode: 1, controlPlane: 2, adminWorkstation: 2, prepare: 1, check: 1 },
    gates: { approvalBefore: ['prod'], fourEyes: ['prod'], soakSeconds: { sandbox: 2, dev: 2, test: 2, prod: 2 } },
    engine: { leaseSeconds: 5, tickMilliseconds: 500 },
  };
}
