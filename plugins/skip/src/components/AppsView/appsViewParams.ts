import { ResourceRef } from '@internal/plugin-skip-common';

/*
 * What the apps view keeps in the page's URL, so a link to it opens the same thing and a
 * reload keeps it open:
 *   ?app=<cluster>/<namespace>/<name>                an open app row (repeated for several)
 *   &resource=<cluster>/<namespace>/<Kind>/<name>    the open drill-down
 * Kubernetes names hold no `/`, so the parts split back unambiguously. Other parameters of
 * the page are kept as they are.
 */
export const APP_PARAM = 'app';
export const RESOURCE_PARAM = 'resource';

/** The open app rows, as `<cluster>/<namespace>/<name>`. */
export function openApps(params: URLSearchParams): ReadonlySet<string> {
  return new Set(params.getAll(APP_PARAM).filter(key => splits(key, 3)));
}

/** `params` with the app's row opened if closed, closed if open. */
export function withAppToggled(
  params: URLSearchParams,
  appKey: string,
): URLSearchParams {
  const open = params.getAll(APP_PARAM);
  const next = new URLSearchParams(params);
  next.delete(APP_PARAM);
  const rest = open.filter(key => key !== appKey);
  for (const key of rest.length === open.length ? [...open, appKey] : rest) {
    next.append(APP_PARAM, key);
  }
  return next;
}

/** The resource whose drill-down is open; undefined when none is, or the value is not one. */
export function openResource(params: URLSearchParams): ResourceRef | undefined {
  const value = params.get(RESOURCE_PARAM);
  if (!value || !splits(value, 4)) return undefined;
  const [cluster, namespace, kind, name] = value.split('/');
  return { cluster, namespace, kind, name };
}

/** `params` with this resource's drill-down open, or with none open when undefined. */
export function withResource(
  params: URLSearchParams,
  resource: ResourceRef | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  if (resource) {
    const { cluster, namespace, kind, name } = resource;
    next.set(RESOURCE_PARAM, `${cluster}/${namespace}/${kind}/${name}`);
  } else {
    next.delete(RESOURCE_PARAM);
  }
  return next;
}

function splits(value: string, parts: number): boolean {
  const split = value.split('/');
  return split.length === parts && split.every(part => part !== '');
}
