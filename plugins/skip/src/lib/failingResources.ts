import { SkiperatorAppSummary } from '@internal/plugin-skip-common';

/** A resource of an app that is not healthy, with why, as far as the summary knows. */
export type FailingResource = {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  health: string;
  message?: string;
};

/**
 * The resources that make an app fail: Skiperator-owned resources that are not
 * Healthy, and Argo CD resources that are Degraded or Missing, once each.
 */
export function failingResources(app: SkiperatorAppSummary): FailingResource[] {
  const result = new Map<string, FailingResource>();
  for (const owned of app.ownedResources) {
    if (owned.health === 'Healthy') continue;
    result.set(`${owned.kind}/${owned.name}`, {
      cluster: app.cluster,
      namespace: owned.namespace ?? app.namespace,
      kind: owned.kind,
      name: owned.name,
      health: owned.health,
      message: owned.message,
    });
  }
  for (const resource of app.argo?.resources ?? []) {
    const health = resource.health?.status;
    if (health !== 'Degraded' && health !== 'Missing') continue;
    const key = `${resource.kind}/${resource.name}`;
    const known = result.get(key);
    if (known) {
      known.message ??= resource.health?.message;
      continue;
    }
    result.set(key, {
      cluster: app.cluster,
      namespace: resource.namespace ?? app.namespace,
      kind: resource.kind,
      name: resource.name,
      health,
      message: resource.health?.message,
    });
  }
  return [...result.values()];
}

/** `image:tag`, or the image alone when it carries its tag or digest already. */
export function imageWithTag(app: SkiperatorAppSummary): string {
  return app.tag ? `${app.image}:${app.tag}` : app.image;
}
