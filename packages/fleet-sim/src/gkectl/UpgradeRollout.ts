import { applySystemWorkloads } from '../controllers/applySystemWorkloads';
import { setOnPremClusterState } from '../controllers/onPremClusters';
import { nodeNames } from '../controllers/seedCluster';
import { controlPlaneHost, controlPlaneWorkloads, systemWorkloadsFor } from '../controllers/systemWorkloads';
import type { World } from '../controllers/World';
import type { ScenarioCluster } from '../scenario/scenarioSchema';
import type { WorldSim } from '../scenario/WorldSim';
import { cordonNode, markNodeNotReady, markNodeReady, nodeIsAt, uncordonNode } from './nodeLifecycle';

/** How long each step of an upgrade takes (scaled down from the ~15 min per node of GKECTL.md). */
export type UpgradeTiming = {
  /** new control-plane pods until the API server answers at the new version */
  controlPlaneMs: number;
  /** per node: cordoned and drained */
  drainMs: number;
  /** per node: NotReady while its VM is replaced */
  replaceMs: number;
  /** add-ons at the end */
  addonsMs: number;
  /** how long gkectl waits for a step that never finishes */
  timeoutMs: number;
};

/** Default UpgradeTiming: about a second per node. */
export const DEFAULT_UPGRADE_TIMING: UpgradeTiming = { controlPlaneMs: 1000, drainMs: 300, replaceMs: 600, addonsMs: 300, timeoutMs: 10_000 };

/** A step of an upgrade that hangs until gkectl's timeout: the control plane or one node never becomes ready. */
export type UpgradeStall = { step: 'control-plane' } | { step: 'node'; node: number };

/** How a rollout ended. */
export type RolloutResult = { exitCode: number; error?: string };

/**
 * One `gkectl upgrade cluster|admin` moving over time, as GKE on VMware does it: the cluster
 * object goes UPGRADING, the control plane moves first (kubeception: its pods in the admin
 * cluster), then each node in turn is cordoned, drained, NotReady, and back Ready with the new
 * kubelet, then the add-ons; RUNNING at the new version at the end. Steps already done are
 * skipped, so re-running after a failure completes to the same end state.
 */
export class UpgradeRollout {
  /** progress lines so far, for the gkectl process to print */
  readonly lines: string[] = [];
  result?: RolloutResult;
  private cancelled = false;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly done: Promise<RolloutResult>;

  constructor(
    private readonly opts: {
      world: World;
      sim: WorldSim;
      cluster: ScenarioCluster;
      target: string;
      kubernetesVersion: string;
      timing: UpgradeTiming;
      stall?: UpgradeStall & { exitCode: number; message?: string };
      onEnd(result: RolloutResult): void;
    },
  ) {
    this.done = this.run().then(
      result => this.end(result),
      error => this.end({ exitCode: 1, error: (error as Error).message }),
    );
  }

  /** Resolves when the rollout has ended (succeeded, failed or cancelled). */
  finished(): Promise<RolloutResult> {
    return this.done;
  }

  /** Stops at the next step (the gkectl process was interrupted); the cluster stays where it got to. */
  cancel(): void {
    this.cancelled = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private end(result: RolloutResult): RolloutResult {
    if (!this.result) {
      this.result = result;
      this.opts.onEnd(result);
    }
    return this.result;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private async step(ms: number): Promise<boolean> {
    await this.sleep(ms);
    return !this.cancelled;
  }

  private interrupted(): RolloutResult {
    return { exitCode: 130, error: 'interrupted' };
  }

  private stalled(what: string): RolloutResult {
    const stall = this.opts.stall!;
    return { exitCode: stall.exitCode, error: stall.message ?? `timed out after ${Math.round(this.opts.timing.timeoutMs / 1000)}s waiting for ${what}` };
  }

  private async run(): Promise<RolloutResult> {
    const { world, sim, cluster, kubernetesVersion, timing, stall, target } = this.opts;
    const what = cluster.role === 'admin' ? 'admin cluster' : 'user cluster';
    const own = sim.cluster(cluster.name);
    this.setState('UPGRADING');

    this.lines.push(`Upgrading ${what} control plane...`);
    const host = world.clusters.get(controlPlaneHost(cluster))!;
    const cpWorkloads = controlPlaneWorkloads(cluster, kubernetesVersion);
    applySystemWorkloads(sim.cluster(host.name), nodeNames(host), cpWorkloads, new Date());
    if (stall?.step === 'control-plane') {
      if (!(await this.step(timing.timeoutMs))) return this.interrupted();
      return this.stalled(`the control plane of "${cluster.name}" to become ready`);
    }
    if (!(await this.step(timing.controlPlaneMs))) return this.interrupted();
    // The API server now answers at the new version.
    own.setKubernetesVersion(kubernetesVersion);
    this.lines.push(`Control plane of ${what} "${cluster.name}" is ready at ${kubernetesVersion}`);

    const nodes = nodeNames(cluster);
    this.lines.push(`Upgrading node pool "pool-1" (${nodes.length} nodes, one at a time)...`);
    for (const [i, node] of nodes.entries()) {
      if (nodeIsAt(own.store, node, kubernetesVersion)) continue;
      cordonNode(own.store, node, new Date());
      this.lines.push(`Draining node "${node}" (${i + 1}/${nodes.length})...`);
      if (!(await this.step(timing.drainMs))) return this.interrupted();
      markNodeNotReady(own.store, node, new Date());
      this.lines.push(`Replacing node "${node}"...`);
      if (stall?.step === 'node' && stall.node === i) {
        if (!(await this.step(timing.timeoutMs))) return this.interrupted();
        return this.stalled(`node "${node}" to become ready`);
      }
      if (!(await this.step(timing.replaceMs))) return this.interrupted();
      markNodeReady(own.store, node, kubernetesVersion, new Date());
      uncordonNode(own.store, node, new Date());
    }
    this.lines.push(`${nodes.length}/${nodes.length} nodes are ready at ${kubernetesVersion}`);

    this.lines.push('Upgrading addons...');
    if (!(await this.step(timing.addonsMs))) return this.interrupted();
    const current = world.clusters.get(cluster.name)!;
    current.platformVersion = target;
    current.kubernetesVersion = kubernetesVersion;
    applySystemWorkloads(own, nodes, systemWorkloadsFor(current, world.clusters.values(), world.scenario.argocd), new Date());
    this.setState('RUNNING', { version: target, kubernetesVersion });
    return { exitCode: 0 };
  }

  /** Writes the OnPrem cluster object's state (it lives in the admin cluster). */
  setState(state: 'UPGRADING' | 'RUNNING' | 'ERROR', change: { version?: string; kubernetesVersion?: string; message?: string } = {}): void {
    const { cluster, sim } = this.opts;
    const at = new Date();
    if (cluster.role === 'admin') setOnPremClusterState(sim.cluster(cluster.name).store, 'OnPremAdminCluster', cluster.name, { ...change, state }, at);
    else if (cluster.adminCluster) setOnPremClusterState(sim.cluster(cluster.adminCluster).store, 'OnPremUserCluster', cluster.name, { ...change, state }, at);
  }
}
