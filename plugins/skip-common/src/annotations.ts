/**
 * Catalog annotations the suite reads. A component lists its Skiperator apps as
 * `<namespace>/<name>` or bare `<name>` (any namespace), comma-separated.
 */
export const ANNOTATION_SKIPERATOR_APPS = 'skip.kartverket.no/skiperator-apps';

/** Argo CD apps of a component, `<instance>/<name>` or bare `<name>`, comma-separated (same shape as the community Argo CD plugin's `argocd/app-name`). */
export const ANNOTATION_ARGOCD_APPS = 'skip.kartverket.no/argocd-apps';

/** The team's namespace prefix on a Group entity, e.g. `seeiendom-`. */
export const ANNOTATION_NAMESPACE_PREFIX =
  'skip.kartverket.no/namespace-prefix';

/** IAM group emails on a Group entity, comma-separated. */
export const ANNOTATION_IAM_GROUPS = 'skip.kartverket.no/iam-groups';

/** Set on the Resource entities the suite provides for clusters. */
export const ANNOTATION_CLUSTER_NAME = 'skip.kartverket.no/cluster-name';

/** Parses a comma-separated annotation into `{ scope, name }` pairs (`scope/name` or `name`). */
export function parseScopedNames(
  value: string | undefined,
): { scope?: string; name: string }[] {
  if (!value) return [];
  const result: { scope?: string; name: string }[] = [];
  for (const raw of value.split(',')) {
    const item = raw.trim();
    if (!item) continue;
    const slash = item.indexOf('/');
    result.push(
      slash === -1
        ? { name: item }
        : { scope: item.slice(0, slash), name: item.slice(slash + 1) },
    );
  }
  return result;
}
