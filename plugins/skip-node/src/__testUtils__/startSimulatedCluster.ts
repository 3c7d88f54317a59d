import { mockServices } from '@backstage/backend-test-utils';
import { FleetSim } from '@internal/fleet-sim';
import { KubeConfig } from '@kubernetes/client-node';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClusterCalls } from '../kubernetes/ClusterCalls';

/** One simulated cluster named 'a', and ClusterCalls that reach it over real HTTPS. */
export async function startSimulatedCluster(): Promise<{
  sim: FleetSim;
  calls: ClusterCalls;
  stop: () => Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'skip-node-sim-'));
  const sim = await FleetSim.start({
    clusters: [{ name: 'a', kubernetesVersion: 'v1.31.2' }],
    dir,
  });
  const calls = ClusterCalls.create({
    clients: {
      kubeConfig: cluster => {
        const kc = new KubeConfig();
        kc.loadFromFile(sim.kubeconfigPath);
        kc.setCurrentContext(cluster);
        return kc;
      },
    },
    logger: mockServices.logger.mock(),
  });
  return {
    sim,
    calls,
    stop: async () => {
      await sim.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
