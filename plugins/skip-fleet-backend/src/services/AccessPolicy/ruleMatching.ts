import type { SkiperatorInternalRule } from './skiperatorAccessPolicy';

/** An app on the cluster, as the rules see it. */
export type AppName = { namespace: string; name: string };

/** Namespace labels by namespace name; undefined for a namespace the cache has not seen. */
export type NamespaceLabels = (
  namespace: string,
) => Record<string, string> | undefined;

/** Which namespaces a rule means: the one it names (else the owner's), or those with its labels. */
export type RuleScope =
  | { kind: 'namespace'; namespace: string }
  | { kind: 'labels'; labels: Record<string, string> };

/**
 * Skiperator's reading of an in-cluster rule: a named namespace wins over namespace labels,
 * and a rule with neither means the rule owner's own namespace.
 */
export function scopeOf(
  rule: SkiperatorInternalRule,
  ownerNamespace: string,
): RuleScope {
  if (rule.namespace) return { kind: 'namespace', namespace: rule.namespace };
  const labels = rule.namespacesByLabel;
  if (labels && Object.keys(labels).length > 0) {
    return { kind: 'labels', labels };
  }
  return { kind: 'namespace', namespace: ownerNamespace };
}

/**
 * Whether a namespace carries every label of a label rule. Every label must match, because
 * that is what the NetworkPolicy Skiperator renders (a namespaceSelector's matchLabels) enforces.
 */
export function hasLabels(
  namespace: string,
  wanted: Record<string, string>,
  labelsOf: NamespaceLabels,
): boolean {
  const labels = labelsOf(namespace);
  if (!labels) return false;
  return Object.entries(wanted).every(([key, value]) => labels[key] === value);
}

/** Whether a rule written by an app in `ownerNamespace` names `app`. */
export function ruleNames(
  rule: SkiperatorInternalRule,
  ownerNamespace: string,
  app: AppName,
  labelsOf: NamespaceLabels,
): boolean {
  if (rule.application !== app.name) return false;
  const scope = scopeOf(rule, ownerNamespace);
  return scope.kind === 'namespace'
    ? scope.namespace === app.namespace
    : hasLabels(app.namespace, scope.labels, labelsOf);
}

/** "namespace 'x'" or "namespaces labelled a=b, c=d", for messages. */
export function describeScope(scope: RuleScope): string {
  if (scope.kind === 'namespace') return `namespace '${scope.namespace}'`;
  const labels = Object.entries(scope.labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  return `a namespace labelled ${labels}`;
}
