import type { FleetSim, KubeObject } from '@internal/fleet-sim';

type ObjectId = {
  cluster: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
};

/**
 * Gives each test that changes the simulated fleet the state it started from: `remember`
 * the objects a test will change (or create), `restore` them after it (in afterEach).
 */
export function fleetRestorer(getSim: () => FleetSim) {
  let remembered: { id: ObjectId; before?: KubeObject }[] = [];
  return {
    remember(id: ObjectId) {
      const before = getSim()
        .cluster(id.cluster)
        .store.get(id.apiVersion, id.kind, id.namespace, id.name);
      remembered.push({ id, before: before && structuredClone(before) });
    },
    async restore() {
      const sim = getSim();
      for (const { id, before } of remembered.reverse()) {
        const store = sim.cluster(id.cluster).store;
        if (before) {
          store.put(before);
        } else {
          store.remove(id.apiVersion, id.kind, id.namespace, id.name);
        }
      }
      remembered = [];
    },
  };
}
