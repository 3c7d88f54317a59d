import type { ObjectStore } from '../store/ObjectStore';
import type { PodLogs } from '../store/PodLogs';

/** What the world needs of one simulated cluster (a subset of FleetSim's SimCluster). */
export type WorldCluster = {
  name: string;
  store: ObjectStore;
  logs: PodLogs;
  setKubernetesVersion(version: string): void;
  kubernetesVersion(): string;
};

/** A control API request as FleetSim's router hands it to a route handler. */
export type ControlRequest = {
  params: Record<string, string>;
  body: unknown;
  query: Record<string, unknown>;
};

/** A control API route handler. */
export type ControlHandler = (req: ControlRequest) => Promise<{ status?: number; body: unknown }>;

/** What the world needs of the simulator (FleetSim satisfies it structurally). */
export type WorldSim = {
  cluster(name: string): WorldCluster;
  control?: { route(method: string, path: string, handler: ControlHandler): void };
};
