import { FleetChangeSignal } from '@internal/plugin-skip-common';

/** How a {@link FleetChangeSignal} names an app: `<cluster>/<namespace>/<name>`. */
export function fleetAppKey(app: {
  cluster: string;
  namespace: string;
  name: string;
}): string {
  return `${app.cluster}/${app.namespace}/${app.name}`;
}

/** True when the signal names one of the apps (as {@link fleetAppKey}) or clusters given. */
export function namesAnyOf(
  signal: FleetChangeSignal,
  shown: { apps?: Iterable<string>; clusters?: Iterable<string> },
): boolean {
  const apps = new Set(signal.apps);
  const clusters = new Set(signal.clusters);
  for (const app of shown.apps ?? []) {
    if (apps.has(app)) return true;
  }
  for (const cluster of shown.clusters ?? []) {
    if (clusters.has(cluster)) return true;
  }
  return false;
}
