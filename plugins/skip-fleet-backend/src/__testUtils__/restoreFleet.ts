import type { FleetSim, KubeObject } from '@internal/fleet-sim';

/** One object of the simulated fleet: the cluster it is stored on, and its type and name. */
export type ObjectId = {
  cluster: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
};

/**
 * Gives each test that changes the simulated fleet the state it started from: `remember`
 * the objects a test will change (or create), or change them through `put` and `update`,
 * which remember for it; `restore` them after it (in afterEach).
 */
export function fleetRestorer(getSim: () => FleetSim) {
  let remembered: { id: ObjectId; before?: KubeObject }[] = [];
  const storeOf = (id: ObjectId) => getSim().cluster(id.cluster).store;

  function remember(id: ObjectId): KubeObject | undefined {
    const before = storeOf(id).get(
      id.apiVersion,
      id.kind,
      id.namespace,
      id.name,
    );
    remembered.push({ id, before: before && structuredClone(before) });
    return before;
  }

  return {
    remember,
    /** Creates or replaces `object` on `cluster`. */
    put(cluster: string, object: KubeObject) {
      const { apiVersion, kind, metadata } = object;
      const { namespace, name } = metadata;
      remember({ cluster, apiVersion, kind, namespace, name });
      getSim().cluster(cluster).store.put(object);
    },
    /** Replaces an object that exists with what `change` makes of it; returns it as it was. */
    update(
      id: ObjectId,
      change: (current: KubeObject) => KubeObject,
    ): KubeObject {
      const current = remember(id);
      if (!current) {
        throw new Error(
          `No ${id.kind} ${id.namespace}/${id.name} on ${id.cluster}`,
        );
      }
      storeOf(id).put(change(current));
      return current;
    },
    async restore() {
      for (const { id, before } of remembered.reverse()) {
        const store = storeOf(id);
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
