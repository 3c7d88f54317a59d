import { ObjectStore } from '../store/ObjectStore';
import { PodLogs } from '../store/PodLogs';
import { ControlHandler, ControlRequest, WorldCluster, WorldSim } from './WorldSim';

/** An in-process simulator without HTTP: stores, logs and a control router, for fast tests and benchmarks. */
export type MemorySim = WorldSim & {
  clusters: Map<string, WorldCluster>;
  /** Calls a registered control route as the HTTP control API would. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
};

/** Creates a MemorySim with one store per cluster. */
export function createMemorySim(clusters: { name: string; kubernetesVersion: string }[]): MemorySim {
  const map = new Map<string, WorldCluster>();
  for (const c of clusters) {
    let version = c.kubernetesVersion;
    map.set(c.name, {
      name: c.name,
      store: new ObjectStore(),
      logs: new PodLogs(),
      setKubernetesVersion: v => {
        version = v;
      },
      kubernetesVersion: () => version,
    });
  }
  const routes: { method: string; pattern: RegExp; keys: string[]; handler: ControlHandler }[] = [];
  return {
    clusters: map,
    cluster(name) {
      const found = map.get(name);
      if (!found) throw new Error(`unknown cluster ${name}`);
      return found;
    },
    control: {
      route(method, path, handler) {
        const keys: string[] = [];
        const pattern = new RegExp(`^${path.replace(/:([a-zA-Z]+)/g, (_, k: string) => {
          keys.push(k);
          return '([^/]+)';
        })}$`);
        routes.push({ method, pattern, keys, handler });
      },
    },
    async call(method, path, body) {
      for (const r of routes) {
        const m = r.method === method ? r.pattern.exec(path) : null;
        if (!m) continue;
        const req: ControlRequest = { params: Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])])), body, query: {} };
        const res = await r.handler(req);
        return { status: res.status ?? 200, body: res.body };
      }
      return { status: 404, body: { message: `no route ${method} ${path}` } };
    },
  };
}
