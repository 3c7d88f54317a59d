import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Where a component's SKIP tab is: the catalog's entity page (`/catalog/:namespace/:kind/:name`,
 * as the app mounts it) and the tab's path (`/skip`, plugin.tsx).
 */
export function componentSkipTabPath(entityRef: string): string {
  const { kind, namespace, name } = parseEntityRef(entityRef);
  return `/catalog/${encodeURIComponent(namespace)}/${encodeURIComponent(
    kind.toLocaleLowerCase('en-US'),
  )}/${encodeURIComponent(name)}/skip`;
}
