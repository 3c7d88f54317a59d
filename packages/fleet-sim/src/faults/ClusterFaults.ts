/** Faults of one simulated cluster, switchable at run time. */
export type ClusterFaults = {
  /** listener closed: clients get ECONNREFUSED */
  down: boolean;
  /** added before every answer */
  latencyMs: number;
  /** every request answers a Status with this code */
  errorStatus?: number;
  /** open watches are cut after this long */
  dropWatchesAfterMs?: number;
  /** watches that resume from a resourceVersion get 410 Expired */
  expireResourceVersions: boolean;
};

/** A healthy cluster. */
export function noFaults(): ClusterFaults {
  return { down: false, latencyMs: 0, expireResourceVersions: false };
}

/** Validates and merges a partial update (from code or the control API) into the current faults. */
export function mergeFaults(current: ClusterFaults, update: Partial<ClusterFaults>): ClusterFaults {
  const next: ClusterFaults = { ...current };
  for (const [key, value] of Object.entries(update ?? {})) {
    switch (key) {
      case 'down':
      case 'expireResourceVersions':
        if (typeof value !== 'boolean') throw new TypeError(`faults.${key} must be a boolean`);
        next[key] = value;
        break;
      case 'latencyMs':
        if (typeof value !== 'number' || value < 0) throw new TypeError('faults.latencyMs must be a number >= 0');
        next.latencyMs = value;
        break;
      case 'errorStatus':
      case 'dropWatchesAfterMs':
        if (value === undefined || value === null) {
          delete next[key];
        } else if (typeof value !== 'number' || value < 0 || (key === 'errorStatus' && (value < 400 || value > 599))) {
          throw new TypeError(`faults.${key} must be ${key === 'errorStatus' ? 'an HTTP error code (400-599)' : 'a number >= 0'} or null`);
        } else {
          next[key] = value;
        }
        break;
      default:
        throw new TypeError(`unknown fault "${key}"`);
    }
  }
  return next;
}
