import type { World } from '../controllers/World';
import { setOnPremClusterState } from '../controllers/onPremClusters';
import type { ScenarioCluster } from '../scenario/scenarioSchema';
import type { WorldSim } from '../scenario/WorldSim';
import { DEFAULT_UPGRADE_TIMING, UpgradeRollout, UpgradeTiming } from './UpgradeRollout';
import { bundleVersion, compareVersions, kubernetesVersionFor, parsePlatformVersion } from './versions';

/**
 * A configured failure: the next matching run(s) exit with this code and message. Without a
 * step the run fails at its end and changes nothing; upgrades can fail at a step instead:
 * `preflight` (refused before anything changes), `control-plane` (the new control plane never
 * becomes ready) or `node` (node number `node`, from 0, never becomes Ready), the last two after
 * the upgrade timeout.
 */
export type GkectlFailure = {
  command: string;
  cluster?: string;
  exitCode: number;
  message: string;
  times?: number;
  step?: 'preflight' | 'control-plane' | 'node';
  node?: number;
};
/** How gkectl behaves: durations per command ('upgrade cluster', 'prepare', ...), upgrade step timing and failures. */
export type GkectlBehaviour = { durationMs: Record<string, number>; upgradeTiming: UpgradeTiming; failures: GkectlFailure[] };

/** One recorded gkectl/gkeadm run. */
export type GkectlInvocation = {
  id: string;
  tool: 'gkectl' | 'gkeadm' | 'gcloud';
  command: string;
  argv: string[];
  cwd: string;
  cluster?: string;
  startedAt: string;
  finishedAt?: string;
  exitCode?: number;
  error?: string;
};

/** What the gkectl/gkeadm process sends when it starts: parsed flags and the files it read. */
export type GkectlRunRequest = {
  tool: 'gkectl' | 'gkeadm' | 'gcloud';
  command: string;
  argv: string[];
  /** Positional arguments after the command (gcloud's cluster name). */
  args?: string[];
  cwd: string;
  flags: Record<string, string | boolean>;
  /** The cluster the --kubeconfig's current context points at. */
  kubeconfigCluster?: string;
  /** The --config file, parsed. */
  config?: Record<string, unknown>;
  /** gkeadm: the admin workstation name from --info-file. */
  workstation?: string;
  /** A problem the process hit before asking (unreadable file, unknown flag): the run fails with it. */
  error?: string;
};

/**
 * What the process should print and how it ends. With `follow`, the run moves on the simulator's
 * side (an upgrade) and the process polls its progress until it ends.
 */
export type GkectlRunPlan = { id: string; lines: string[]; progress: string[]; durationMs: number; exitCode: number; error?: string; follow?: boolean };

/** A followed run's state: every progress line so far and, once it ended, how. */
export type GkectlRunProgress = { lines: string[]; done: boolean; exitCode?: number; error?: string };

/** A site's admin workstation (gkectl's version is the workstation's). */
export type Workstation = { name: string; site: string; version: string; gkeadmVersion: string; upgradedAt?: string };

const DEFAULT_DURATIONS: Record<string, number> = {
  version: 0,
  'check-config': 400,
  prepare: 800,
  'upgrade admin': 2500,
  'upgrade cluster': 2500,
  'diagnose cluster': 300,
  'upgrade gkeadm': 300,
  'upgrade admin-workstation': 1500,
};

type Effect = () => string[];
type RolloutPlan = { cluster: ScenarioCluster; target: string; kubernetesVersion: string; what: string };

/**
 * The simulator side of gkectl and gkeadm: validates a run against the world (version skew
 * rules of GKECTL.md, prepared bundles, one change per admin cluster), records it, and applies
 * its effect on the clusters when it finishes.
 */
export class GkectlService {
  readonly workstations = new Map<string, Workstation>();
  private behaviour: GkectlBehaviour = { durationMs: { ...DEFAULT_DURATIONS }, upgradeTiming: { ...DEFAULT_UPGRADE_TIMING }, failures: [] };
  private readonly rollouts = new Map<string, { rollout: UpgradeRollout; plan: RolloutPlan }>();
  private readonly invocations: GkectlInvocation[] = [];
  private readonly effects = new Map<string, { effect?: Effect; lock?: string; untouched?: boolean }>();
  private readonly locks = new Set<string>();
  private seq = 0;

  constructor(private readonly world: World, private readonly sim: WorldSim) {
    for (const w of world.scenario.workstations) this.workstations.set(w.name, { ...w, gkeadmVersion: w.version });
  }

  /** Replaces durations (merged over the defaults) and failures. */
  setBehaviour(b: Partial<GkectlBehaviour>): GkectlBehaviour {
    this.behaviour = {
      durationMs: { ...DEFAULT_DURATIONS, ...this.behaviour.durationMs, ...(b.durationMs ?? {}) },
      upgradeTiming: { ...this.behaviour.upgradeTiming, ...(b.upgradeTiming ?? {}) },
      failures: b.failures ? b.failures.map(f => ({ ...f })) : this.behaviour.failures,
    };
    return this.getBehaviour();
  }

  getBehaviour(): GkectlBehaviour {
    return structuredClone(this.behaviour);
  }

  listInvocations(): GkectlInvocation[] {
    return structuredClone(this.invocations);
  }

  /** Validates and records a run; the process prints the plan, waits (or follows the progress), then calls finish. */
  start(req: GkectlRunRequest): GkectlRunPlan {
    const id = `inv-${String(++this.seq).padStart(4, '0')}`;
    const inv: GkectlInvocation = { id, tool: req.tool, command: req.command, argv: req.argv, cwd: req.cwd, startedAt: new Date().toISOString() };
    this.invocations.push(inv);
    let result: { lines: string[]; progress?: string[]; cluster?: string; error?: string; effect?: Effect; lock?: string; rollout?: RolloutPlan };
    try {
      if (req.error) throw new Error(req.error);
      result = this.plan(req);
    } catch (e) {
      result = { lines: [], error: (e as Error).message };
    }
    inv.cluster = result.cluster;
    let exitCode = result.error ? 1 : 0;
    let error = result.error;
    const failure = !error ? this.takeFailure(req.command, result.cluster) : undefined;
    const stall = result.rollout && (failure?.step === 'control-plane' || failure?.step === 'node') ? failure : undefined;
    if (failure?.step === 'preflight' && result.rollout) {
      // A failed preflight refuses the upgrade before anything changes.
      this.effects.set(id, { untouched: true });
      return { id, lines: this.preflightLines(result.rollout.cluster, [failure.message]), progress: [], durationMs: 0, exitCode: failure.exitCode, error: failure.message };
    }
    if (failure && !stall) {
      exitCode = failure.exitCode;
      error = failure.message;
    }
    if (!error && result.lock) {
      if (this.locks.has(result.lock)) {
        exitCode = 1;
        error = `admin cluster "${result.lock}" has another operation in progress; wait for it to finish`;
      } else this.locks.add(result.lock);
    }
    const lock = !error || failure ? result.lock : undefined;
    if (failure && result.lock) this.locks.add(result.lock);
    if (exitCode === 0 && result.rollout) {
      this.startRollout(id, result.rollout, lock, stall);
      return { id, lines: result.lines, progress: [], durationMs: 0, exitCode: 0, follow: true };
    }
    this.effects.set(id, { effect: exitCode === 0 ? result.effect : undefined, lock });
    if (exitCode === 0 && result.cluster && req.command.startsWith('upgrade ')) this.markState(result.cluster, 'UPGRADING');
    const durationMs = error && !failure ? 0 : this.behaviour.durationMs[req.command] ?? 0;
    return { id, lines: result.lines, progress: error && !failure ? [] : result.progress ?? [], durationMs, exitCode, error };
  }

  /** A followed run's progress (an upgrade moving on the simulator's side). */
  progress(id: string): GkectlRunProgress | undefined {
    const entry = this.rollouts.get(id);
    if (!entry) return undefined;
    const { rollout } = entry;
    return { lines: [...rollout.lines], done: !!rollout.result, exitCode: rollout.result?.exitCode, error: rollout.result?.error };
  }

  /** Waits until a followed run has ended (tests and the in-process driver use it). */
  async settled(id: string): Promise<void> {
    await this.rollouts.get(id)?.rollout.finished();
  }

  private startRollout(id: string, plan: RolloutPlan, lock: string | undefined, stall: GkectlFailure | undefined): void {
    const rollout = new UpgradeRollout({
      world: this.world,
      sim: this.sim,
      cluster: plan.cluster,
      target: plan.target,
      kubernetesVersion: plan.kubernetesVersion,
      timing: this.behaviour.upgradeTiming,
      stall: stall && (stall.step === 'node' ? { step: 'node', node: stall.node ?? 0, exitCode: stall.exitCode, message: stall.message } : { step: 'control-plane', exitCode: stall.exitCode, message: stall.message }),
      onEnd: result => {
        if (lock) this.locks.delete(lock);
        if (result.exitCode !== 0) rollout.setState('ERROR', { message: `gkectl upgrade ${plan.cluster.role === 'admin' ? 'admin' : 'cluster'}: ${result.error ?? `exit code ${result.exitCode}`}` });
      },
    });
    this.rollouts.set(id, { rollout, plan });
  }

  /** Ends a run: applies its effect when it succeeded; returns the closing lines. */
  finish(id: string, exitCode: number): string[] {
    const inv = this.invocations.find(i => i.id === id);
    const followed = this.rollouts.get(id);
    if (inv && followed) {
      inv.finishedAt = new Date().toISOString();
      inv.exitCode = exitCode;
      // The process went away before the upgrade ended (interrupted): it stops where it got to.
      if (!followed.rollout.result) followed.rollout.cancel();
      const { plan } = followed;
      return followed.rollout.result?.exitCode === 0 ? [`Done upgrading ${plan.what} "${plan.cluster.name}" to ${plan.target} (Kubernetes ${plan.kubernetesVersion}).`] : [];
    }
    const pending = this.effects.get(id);
    if (!inv || !pending) return [];
    this.effects.delete(id);
    inv.finishedAt = new Date().toISOString();
    inv.exitCode = exitCode;
    if (pending.lock) this.locks.delete(pending.lock);
    if (exitCode !== 0) {
      if (inv.cluster && inv.command.startsWith('upgrade ') && !pending.untouched) this.markState(inv.cluster, 'ERROR', `gkectl ${inv.command} exited with ${exitCode}`);
      return [];
    }
    return pending.effect?.() ?? [];
  }

  private takeFailure(command: string, cluster: string | undefined): GkectlFailure | undefined {
    const i = this.behaviour.failures.findIndex(f => f.command === command && (!f.cluster || f.cluster === cluster));
    if (i < 0) return undefined;
    const f = this.behaviour.failures[i];
    if (f.times !== undefined) {
      f.times -= 1;
      if (f.times <= 0) this.behaviour.failures.splice(i, 1);
    }
    return f;
  }

  private workstationFor(site: string | undefined, requested?: string): Workstation {
    const all = [...this.workstations.values()];
    const ws = (requested && this.workstations.get(requested)) || all.find(w => w.site === site) || all[0];
    if (!ws) throw new Error('no admin workstation is configured in the scenario');
    return ws;
  }

  private adminFromKubeconfig(req: GkectlRunRequest): ScenarioCluster {
    const name = req.kubeconfigCluster;
    if (!name) throw new Error('--kubeconfig is required and must have a current context');
    const admin = this.world.clusters.get(name);
    if (!admin) throw new Error(`failed to connect to cluster "${name}" from kubeconfig`);
    if (admin.role !== 'admin') throw new Error(`kubeconfig points at "${name}", which is not an admin cluster; pass the admin cluster kubeconfig`);
    return admin;
  }

  private plan(req: GkectlRunRequest) {
    switch (`${req.tool} ${req.command}`) {
      case 'gkectl version':
        return this.planVersion(req);
      case 'gkectl check-config':
        return this.planCheckConfig(req);
      case 'gkectl prepare':
        return this.planPrepare(req);
      case 'gkectl upgrade cluster':
        return this.planUpgrade(req, 'user');
      case 'gkectl upgrade admin':
        return this.planUpgrade(req, 'admin');
      case 'gkectl diagnose cluster':
        return this.planDiagnose(req);
      case 'gkeadm upgrade gkeadm':
        return this.planUpgradeGkeadm(req);
      case 'gkeadm upgrade admin-workstation':
        return this.planUpgradeWorkstation(req);
      case 'gcloud container vmware clusters upgrade':
        return this.planOnPremApiUpgrade(req);
      default:
        throw new Error(`unknown command "${req.command}" for "${req.tool}"`);
    }
  }

  private planVersion(req: GkectlRunRequest) {
    const admin = req.kubeconfigCluster ? this.world.clusters.get(req.kubeconfigCluster) : undefined;
    const ws = this.workstationFor(admin?.site, String(req.flags.workstation ?? '') || undefined);
    const lines = [`gkectl version: ${ws.version} (git-${sha7(ws.version)})`];
    if (admin) {
      lines.push('', `Admin cluster "${admin.name}": ${admin.platformVersion}`);
      for (const u of this.usersOf(admin.name)) lines.push(`User cluster "${u.name}": ${u.platformVersion}`);
    } else lines.push('', 'Add --kubeconfig to see the versions of the admin cluster and its user clusters.');
    return { lines };
  }

  private usersOf(admin: string): ScenarioCluster[] {
    return [...this.world.clusters.values()].filter(c => c.adminCluster === admin);
  }

  /** The cluster a --config file describes, checked to belong to the kubeconfig's admin cluster. */
  private configCluster(req: GkectlRunRequest, admin: ScenarioCluster): { cluster: ScenarioCluster; kind: 'user' | 'admin'; target?: string } {
    const config = req.config;
    if (!config) throw new Error('--config is required');
    const kinds: Record<string, 'admin' | 'user'> = { AdminCluster: 'admin', UserCluster: 'user' };
    const kind = typeof config.kind === 'string' ? kinds[config.kind] : undefined;
    let name = typeof config.name === 'string' ? config.name : undefined;
    // An admin cluster config may leave out its name: it is the cluster the kubeconfig reaches.
    if (!name && kind === 'admin') name = admin.name;
    if (!name) throw new Error('config: field "name" is required');
    const cluster = this.world.clusters.get(name);
    if (!cluster) throw new Error(`config: cluster "${name}" is not managed by admin cluster "${admin.name}"`);
    const actualKind = cluster.role === 'admin' ? 'admin' : 'user';
    if (kind && kind !== actualKind) throw new Error(`config: "${name}" is a${actualKind === 'admin' ? 'n admin' : ' user'} cluster, but the config is kind ${String(config.kind)}`);
    if (actualKind === 'user' && cluster.adminCluster !== admin.name) throw new Error(`config: cluster "${name}" is not managed by admin cluster "${admin.name}"`);
    if (actualKind === 'admin' && cluster.name !== admin.name) throw new Error(`config: admin cluster "${name}" does not match the kubeconfig's admin cluster "${admin.name}"`);
    const target = config.gkeOnPremVersion;
    if (target !== undefined && (typeof target !== 'string' || !parsePlatformVersion(target))) throw new Error(`config: gkeOnPremVersion "${String(target)}" is not a valid version`);
    return { cluster, kind: actualKind, target: target as string | undefined };
  }

  /** Every rule an upgrade of `cluster` to `target` breaks (empty when allowed). */
  skewProblems(kind: 'user' | 'admin', cluster: ScenarioCluster, target: string): string[] {
    const problems: string[] = [];
    const t = parsePlatformVersion(target)!;
    const current = parsePlatformVersion(cluster.platformVersion)!;
    if (compareVersions(t, current) < 0) problems.push(`downgrading ${cluster.name} from ${current.text} to ${t.text} is not supported`);
    if (t.minor > current.minor + 1) problems.push(`upgrading ${cluster.name} from ${current.text} to ${t.text} skips minor version 1.${current.minor + 1}; control planes move one minor version at a time`);
    if (kind === 'user' && cluster.controlPlane === 'kubeception' && t.minor >= 33) {
      problems.push(`user cluster ${cluster.name} uses the kubeception control plane, which cannot be upgraded to ${t.text} (1.33 or later); migrate it to Controlplane V2 first (enableControlplaneV2: true)`);
    }
    const admin = this.world.clusters.get(kind === 'admin' ? cluster.name : cluster.adminCluster ?? '');
    const ws = this.workstationFor(cluster.site);
    const gkectl = parsePlatformVersion(ws.version)!;
    if (gkectl.minor < t.minor) problems.push(`gkectl ${gkectl.text} is older than the target version ${t.text}; upgrade the admin workstation first (gkeadm upgrade admin-workstation)`);
    if (admin && !this.world.preparedBundles.get(admin.name)?.has(t.text)) {
      problems.push(`bundle ${t.text} is not prepared in admin cluster ${admin.name}; run gkectl prepare --bundle-path /var/lib/gke/bundles/gke-onprem-vsphere-${t.text}-full.tgz`);
    }
    if (kind === 'user' && admin && t.minor >= 31) {
      const a = parsePlatformVersion(admin.platformVersion)!;
      if (compareVersions(a, t) < 0) problems.push(`from 1.31 the admin cluster must be at least every user cluster's version: admin cluster ${admin.name} is ${a.text}, below the target ${t.text}; upgrade the admin cluster first`);
    }
    if (kind === 'admin') {
      for (const u of this.usersOf(cluster.name)) {
        const uv = parsePlatformVersion(u.platformVersion)!;
        if (t.minor <= 30 && uv.minor < t.minor) problems.push(`up to 1.30 a user cluster's minor version must be at least the admin cluster's: user cluster ${u.name} is ${uv.text}; upgrade the user clusters first`);
        if (t.minor - uv.minor > 2) problems.push(`admin cluster ${t.text} cannot manage user cluster ${u.name} at ${uv.text} (more than two minor versions older)`);
      }
    }
    return problems;
  }

  private preflightLines(cluster: ScenarioCluster, problems: string[]): string[] {
    const lines = [
      'Reading config with version "v1"',
      '- Validation Category: Config Check',
      '    - [SUCCESS] Config',
      '- Validation Category: Version Skew',
      ...(problems.length ? problems.map(p => `    - [FAILURE] ${p}`) : [`    - [SUCCESS] Version skew for "${cluster.name}"`]),
      '- Validation Category: Cluster Health',
      `    - [SUCCESS] Cluster "${cluster.name}" is healthy`,
      `    - [SUCCESS] ${cluster.nodes}/${cluster.nodes} nodes are ready`,
      '- Validation Category: vCenter',
      '    - [SUCCESS] Credentials',
      '    - [SUCCESS] Datastore',
      '',
    ];
    const successes = lines.filter(l => l.includes('[SUCCESS]')).length;
    return [...lines, `Preflight check summary: ${successes} successes, 0 warnings, ${problems.length} failures`];
  }

  private planCheckConfig(req: GkectlRunRequest) {
    const admin = this.adminFromKubeconfig(req);
    const { cluster, kind, target } = this.configCluster(req, admin);
    const problems = target && target !== cluster.platformVersion ? this.skewProblems(kind, cluster, target) : [];
    const lines = this.preflightLines(cluster, problems);
    return { lines, cluster: cluster.name, error: problems.length ? `check-config failed for "${cluster.name}": ${problems.length} failure(s):\n${problems.join('\n')}` : undefined };
  }

  private planPrepare(req: GkectlRunRequest) {
    const admin = this.adminFromKubeconfig(req);
    const path = String(req.flags['bundle-path'] ?? '');
    if (!path) throw new Error('--bundle-path is required');
    const version = bundleVersion(path);
    if (!version) throw new Error(`"${path}" is not a GKE on VMware bundle (expected gke-onprem-vsphere-VERSION-full.tgz)`);
    const ws = this.workstationFor(admin.site);
    if (parsePlatformVersion(ws.version)!.minor < parsePlatformVersion(version)!.minor) {
      throw new Error(`gkectl ${ws.version} cannot prepare bundle ${version}; upgrade the admin workstation first`);
    }
    return {
      cluster: admin.name,
      lines: [`Reading bundle at ${path}`, `Preparing bundle "${version}" in admin cluster "${admin.name}"...`],
      progress: ['Uploading OS images to vSphere...', 'Pushing container images to the private registry...', 'Applying bundle to admin cluster...'],
      effect: () => {
        const set = this.world.preparedBundles.get(admin.name) ?? new Set<string>();
        set.add(version);
        this.world.preparedBundles.set(admin.name, set);
        return [`Successfully prepared bundle "${version}" in admin cluster "${admin.name}"`];
      },
    };
  }

  private planUpgrade(req: GkectlRunRequest, expected: 'user' | 'admin') {
    const admin = this.adminFromKubeconfig(req);
    const { cluster, kind, target } = this.configCluster(req, admin);
    if (kind !== expected) throw new Error(`"${cluster.name}" is a${kind === 'admin' ? 'n admin' : ' user'} cluster; use gkectl upgrade ${kind === 'admin' ? 'admin' : 'cluster'}`);
    if (!target) throw new Error('config: field "gkeOnPremVersion" is required for an upgrade');
    if (cluster.platform !== 'anthos-vmware') throw new Error(`"${cluster.name}" is not a GKE on VMware cluster`);
    const problems = this.skewProblems(kind, cluster, target);
    const lines = this.preflightLines(cluster, problems);
    if (problems.length) return { lines, cluster: cluster.name, error: `upgrade of "${cluster.name}" to ${target} refused:\n${problems.join('\n')}` };
    const what = kind === 'admin' ? 'admin cluster' : 'user cluster';
    return {
      cluster: cluster.name,
      lock: admin.name,
      lines: [...lines, `Upgrading to bundle version: "${target}"`, `Upgrading ${what} "${cluster.name}" from ${cluster.platformVersion} to ${target}...`],
      rollout: { cluster, target, kubernetesVersion: kubernetesVersionFor(target), what },
    };
  }

  /**
   * `gcloud container vmware clusters upgrade CLUSTER --location=LOC --version=VER`: the GKE
   * On-Prem API upgrades a user cluster enrolled in it, with the same rules and rollout as
   * gkectl (Google runs gkectl's upgrade for it). Only Controlplane V2 user clusters here.
   */
  private planOnPremApiUpgrade(req: GkectlRunRequest) {
    const name = req.args?.[0];
    if (!name) throw new Error('ERROR: (gcloud.container.vmware.clusters.upgrade) argument CLUSTER: Must be specified.');
    if (typeof req.flags.location !== 'string') throw new Error('ERROR: (gcloud.container.vmware.clusters.upgrade) --location: Must be specified.');
    const target = req.flags.version;
    if (typeof target !== 'string' || !parsePlatformVersion(target)) throw new Error(`ERROR: (gcloud.container.vmware.clusters.upgrade) --version: "${String(target)}" is not a valid version`);
    const cluster = this.world.clusters.get(name);
    if (!cluster || cluster.platform !== 'anthos-vmware' || cluster.role !== 'user') {
      throw new Error(`ERROR: (gcloud.container.vmware.clusters.upgrade) NOT_FOUND: VMware user cluster "${name}" is not enrolled in the GKE On-Prem API`);
    }
    if (cluster.controlPlane !== 'controlplane-v2') {
      return { lines: [], cluster: name, error: `ERROR: (gcloud.container.vmware.clusters.upgrade) FAILED_PRECONDITION: "${name}" uses the kubeception control plane; only Controlplane V2 clusters are upgraded through the API here` };
    }
    const problems = this.skewProblems('user', cluster, target);
    if (problems.length) return { lines: [], cluster: name, error: `ERROR: (gcloud.container.vmware.clusters.upgrade) FAILED_PRECONDITION: ${problems.join('; ')}` };
    return {
      cluster: name,
      lock: cluster.adminCluster,
      lines: [`Upgrading VMware user cluster [${name}] in [${req.flags.location}] to version [${target}]...`],
      rollout: { cluster, target, kubernetesVersion: kubernetesVersionFor(target), what: 'user cluster' },
    };
  }

  private planDiagnose(req: GkectlRunRequest) {
    const admin = this.adminFromKubeconfig(req);
    const name = String(req.flags['cluster-name'] ?? '') || admin.name;
    const cluster = this.world.clusters.get(name);
    if (!cluster || (cluster.name !== admin.name && cluster.adminCluster !== admin.name)) throw new Error(`cluster "${name}" is not managed by admin cluster "${admin.name}"`);
    const nodes = this.sim.cluster(name).store.list('v1', 'Node');
    const ready = nodes.filter(n => (n.status as { conditions?: { type: string; status: string }[] }).conditions?.some(c => c.type === 'Ready' && c.status === 'True')).length;
    const lines = [
      `- Validation Category: ${cluster.role === 'admin' ? 'Admin' : 'User'} Cluster`,
      `    - [SUCCESS] Version: ${cluster.platformVersion} (Kubernetes ${this.sim.cluster(name).kubernetesVersion()})`,
      `    - [${ready === nodes.length ? 'SUCCESS' : 'FAILURE'}] Node readiness: ${ready}/${nodes.length} nodes ready`,
      '    - [SUCCESS] Control plane pods',
      '    - [SUCCESS] PodDisruptionBudgets',
      '',
      `Cluster "${name}" is ${ready === nodes.length ? 'healthy' : 'unhealthy'}.`,
    ];
    return { lines, cluster: name, error: ready === nodes.length ? undefined : `cluster "${name}" has unready nodes` };
  }

  private planUpgradeGkeadm(req: GkectlRunRequest) {
    const target = String(req.flags['target-version'] ?? '');
    if (!parsePlatformVersion(target)) throw new Error(`--target-version "${target}" is not a valid version`);
    const ws = this.workstationFor(undefined, req.workstation);
    return {
      lines: [`Downloading gkeadm ${target}...`],
      effect: () => {
        ws.gkeadmVersion = target;
        return [`Successfully upgraded gkeadm to ${target}`];
      },
    };
  }

  private planUpgradeWorkstation(req: GkectlRunRequest) {
    if (!req.flags.config) throw new Error('--config is required');
    if (!req.flags['info-file']) throw new Error('--info-file is required');
    const ws = this.workstationFor(undefined, req.workstation);
    const target = ws.gkeadmVersion;
    if (compareVersions(parsePlatformVersion(target)!, parsePlatformVersion(ws.version)!) <= 0) {
      return { lines: [], error: `admin workstation "${ws.name}" is already at ${ws.version}; run gkeadm upgrade gkeadm --target-version TARGET first` };
    }
    return {
      lines: [`Upgrading admin workstation "${ws.name}" from ${ws.version} to ${target}...`],
      progress: ['Backing up the admin workstation home directory...', 'Creating the new admin workstation VM...', 'Restoring files...'],
      effect: () => {
        ws.version = target;
        ws.upgradedAt = new Date().toISOString();
        return [`Admin workstation "${ws.name}" is ready: gkectl ${target}`];
      },
    };
  }

  private markState(name: string, state: 'UPGRADING' | 'RUNNING' | 'ERROR', message?: string): void {
    const c = this.world.clusters.get(name);
    if (!c) return;
    const at = new Date();
    if (c.role === 'admin') setOnPremClusterState(this.sim.cluster(name).store, 'OnPremAdminCluster', name, { state, message }, at);
    else if (c.adminCluster) setOnPremClusterState(this.sim.cluster(c.adminCluster).store, 'OnPremUserCluster', name, { state, message }, at);
  }
}

function sha7(s: string): string {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(7, '0').slice(0, 7);
}
