import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ControlError, ControlHandler, ControlServer } from './api/ControlServer';
import { ClusterFaults, mergeFaults, noFaults } from './faults/ClusterFaults';
import { writeKubeconfig } from './kubeconfig/writeKubeconfig';
import { seedBootstrapRbac } from './server/bootstrapRbac';
import { ClusterApiServer } from './server/ClusterApiServer';
import { ClusterResources } from './server/ClusterResources';
import { ResourceRegistry } from './server/resources';
import { ObjectStore, WatchHistoryOptions } from './store/ObjectStore';
import { PodLogs } from './store/PodLogs';
import { KubeObject } from './store/types';
import { generateTls, SimTls } from './tls/generateTls';

export type { ClusterFaults } from './faults/ClusterFaults';

/** A cluster to simulate. */
export type SimClusterSpec = {
  name: string;
  /** e.g. 'v1.30.7-gke.1500': /version reports major/minor/gitVersion from it */
  kubernetesVersion: string;
  /** bearer token; generated when unset */
  token?: string;
};

/** A running simulated cluster. */
export type SimCluster = {
  name: string;
  /** https://127.0.0.1:<port> */
  url: string;
  token: string;
  store: ObjectStore;
  logs: PodLogs;
  /** the current faults (a snapshot; change them with FleetSim.setFaults) */
  faults: ClusterFaults;
  setKubernetesVersion(v: string): void;
  kubernetesVersion(): string;
};

/** FleetSim.start options. */
export type FleetSimOptions = {
  clusters: SimClusterSpec[];
  /** where kubeconfig, CA and app-config are written */
  dir: string;
  controlPort?: number;
  /** the watch-history window of every cluster (small in tests, so informers meet 410 and relist) */
  watchHistory?: WatchHistoryOptions;
  /** how long the server keeps a watch without timeoutSeconds open, randomised up to 2x (default 5 min) */
  watchLifetimeMs?: number;
};

/** Default FleetSimOptions.watchLifetimeMs: shorter than a real server's 30 min, so long sessions re-watch. */
export const DEFAULT_WATCH_LIFETIME_MS = 300_000;

/** The control API as the world (engineer B's code) extends it. */
export type FleetSimControl = { route(method: string, path: string, handler: ControlHandler): void };

const BASE_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function namespace(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

class RunningCluster implements SimCluster {
  faults: ClusterFaults = noFaults();
  private version: string;

  constructor(
    readonly name: string,
    readonly token: string,
    readonly store: ObjectStore,
    readonly logs: PodLogs,
    kubernetesVersion: string,
    public server?: ClusterApiServer,
  ) {
    this.version = kubernetesVersion;
  }

  get url(): string {
    return this.server!.url;
  }

  setKubernetesVersion(v: string): void {
    this.version = v;
  }

  kubernetesVersion(): string {
    return this.version;
  }
}

/**
 * A fleet of simulated Kubernetes API servers in one process: one HTTPS port per cluster, a
 * shared CA, a kubeconfig with one context per cluster, and a loopback control API for faults.
 */
export class FleetSim {
  readonly clusters = new Map<string, SimCluster>();
  readonly kubeconfigPath: string;
  readonly caPem: string;
  /** the control API's router, for routes the world adds */
  readonly control: FleetSimControl;
  /** where startFleetSim writes the portal's app-config (dir/app-config.sim.yaml) */
  readonly appConfigPath: string;
  private readonly running = new Map<string, RunningCluster>();
  private readonly stopHooks: (() => unknown)[] = [];

  private constructor(
    private readonly controlServer: ControlServer,
    private readonly tls: SimTls,
    readonly dir: string,
  ) {
    this.caPem = tls.caPem;
    this.kubeconfigPath = join(dir, 'kubeconfig.yaml');
    this.appConfigPath = join(dir, 'app-config.sim.yaml');
    this.control = { route: (method, path, handler) => controlServer.route(method, path, handler) };
  }

  /** Generates the CA, starts every cluster's API server and the control API, writes kubeconfig and CA. */
  static async start(opts: FleetSimOptions): Promise<FleetSim> {
    const names = new Set<string>();
    for (const spec of opts.clusters) {
      if (names.has(spec.name)) throw new Error(`duplicate cluster name ${spec.name}`);
      names.add(spec.name);
    }
    await mkdir(opts.dir, { recursive: true });
    const tls = generateTls();
    const control = await ControlServer.start(opts.controlPort ?? 0);
    const sim = new FleetSim(control, tls, opts.dir);
    try {
      const registry = new ResourceRegistry();
      for (const spec of opts.clusters) {
        await sim.startCluster(spec, registry, opts);
      }
      sim.registerControlRoutes();
      await writeFile(join(opts.dir, 'ca.pem'), tls.caPem);
      // For people and scripts next to a running simulator: `curl "$(cat .skip-run/sim/control-url)/world"`.
      await writeFile(join(opts.dir, 'control-url'), `${sim.controlUrl}\n`);
      await writeKubeconfig(sim.kubeconfigPath, [...sim.clusters.values()], tls.caPem);
    } catch (error) {
      await sim.stop();
      throw error;
    }
    return sim;
  }

  /** http://127.0.0.1:<port>, the loopback-only control API. */
  get controlUrl(): string {
    return this.controlServer.url;
  }

  /** The named cluster; throws on an unknown name. */
  cluster(name: string): SimCluster {
    const found = this.clusters.get(name);
    if (!found) throw new Error(`unknown cluster ${name}`);
    return found;
  }

  /** Changes a cluster's faults; `down` closes or reopens its listener on the same port. */
  async setFaults(name: string, faults: Partial<ClusterFaults>): Promise<void> {
    const cluster = this.running.get(name);
    if (!cluster) throw new Error(`unknown cluster ${name}`);
    const next = mergeFaults(cluster.faults, faults);
    const server = cluster.server!;
    if (next.down && server.listening) await server.close();
    if (!next.down && !server.listening) await server.open();
    cluster.faults = next;
    if (next.dropWatchesAfterMs !== undefined) server.dropWatches(next.dropWatchesAfterMs);
  }

  /** Runs `hook` first when the simulator stops (the world's controllers stop this way). */
  onStop(hook: () => unknown): void {
    this.stopHooks.push(hook);
  }

  /** Stops the stop hooks' work, then every listener. */
  async stop(): Promise<void> {
    for (const hook of this.stopHooks.splice(0).reverse()) await hook();
    for (const cluster of this.running.values()) await cluster.server?.close();
    await this.controlServer.close();
  }

  private async startCluster(spec: SimClusterSpec, registry: ResourceRegistry, opts: FleetSimOptions): Promise<void> {
    const store = new ObjectStore(opts.watchHistory);
    const logs = new PodLogs();
    for (const ns of BASE_NAMESPACES) store.put(namespace(ns));
    seedBootstrapRbac(store);
    const cluster = new RunningCluster(spec.name, spec.token ?? randomBytes(24).toString('hex'), store, logs, spec.kubernetesVersion);
    cluster.server = await ClusterApiServer.start({
      name: spec.name,
      token: cluster.token,
      tls: this.tls,
      resources: new ClusterResources(store, logs, registry),
      faults: () => cluster.faults,
      kubernetesVersion: () => cluster.kubernetesVersion(),
      watchLifetimeMs: opts.watchLifetimeMs ?? DEFAULT_WATCH_LIFETIME_MS,
    });
    this.running.set(spec.name, cluster);
    this.clusters.set(spec.name, cluster);
  }

  private describe(cluster: SimCluster) {
    return { name: cluster.name, url: cluster.url, kubernetesVersion: cluster.kubernetesVersion(), faults: cluster.faults };
  }

  private lookup(name: string): SimCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) throw new ControlError(404, `unknown cluster ${name}`);
    return cluster;
  }

  private registerControlRoutes(): void {
    const control = this.controlServer;
    control.route('GET', '/clusters', async () => ({ body: { clusters: [...this.clusters.values()].map(c => this.describe(c)) } }));
    control.route('GET', '/clusters/:name', async ({ params }) => ({ body: this.describe(this.lookup(params.name)) }));
    control.route('PUT', '/clusters/:name/faults', async ({ params, body }) => {
      this.lookup(params.name);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ControlError(400, 'body must be a JSON object of faults');
      try {
        await this.setFaults(params.name, body as Partial<ClusterFaults>);
      } catch (error) {
        throw new ControlError(400, (error as Error).message);
      }
      return { body: this.describe(this.lookup(params.name)) };
    });
    control.route('PUT', '/clusters/:name/version', async ({ params, body }) => {
      const cluster = this.lookup(params.name);
      const version = (body as { kubernetesVersion?: unknown } | undefined)?.kubernetesVersion;
      if (typeof version !== 'string' || !/^v?\d+\.\d+/.test(version)) {
        throw new ControlError(400, 'body must be {"kubernetesVersion": "v1.N.P..."}');
      }
      cluster.setKubernetesVersion(version);
      return { body: this.describe(cluster) };
    });
  }
}
