import type {
  AccessClusterScope,
  AccessFieldError,
  AccessNamespaceScope,
  AccessRule,
  AccessRuleInput,
  Environment,
} from '@internal/plugin-skip-common';

/** What the rule editor's fields hold: every choice kept, so switching a scope back loses nothing. */
export type RuleForm = {
  id: string;
  description: string;
  group: string;
  role: string;
  clusterType: AccessClusterScope['type'];
  environment: Environment;
  cluster: string;
  namespaceType: AccessNamespaceScope['type'];
  /** Namespace names as typed: a comma-separated list. */
  names: string;
  team: string;
};

/** The fields the editor shows, by the dotted path the backend names them with. */
export const FORM_FIELDS = [
  'id',
  'description',
  'group',
  'role',
  'clusters.type',
  'clusters.environment',
  'clusters.cluster',
  'namespaces.type',
  'namespaces.names',
  'namespaces.team',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** The form for a new rule (for the first group) or for an existing one. */
export function formOf(
  rule: AccessRule | undefined,
  firstGroup: string,
  firstCluster: string,
): RuleForm {
  return {
    id: rule?.id ?? '',
    description: rule?.description ?? '',
    group: rule?.group ?? firstGroup,
    role: rule?.role ?? 'view',
    clusterType: rule?.clusters.type ?? 'environment',
    environment: rule?.clusters.environment ?? 'dev',
    cluster: rule?.clusters.cluster ?? firstCluster,
    namespaceType: rule?.namespaces.type ?? 'team-prefix',
    names: rule?.namespaces.names?.join(', ') ?? '',
    team: rule?.namespaces.team ?? rule?.group ?? firstGroup,
  };
}

/** The rule the form describes, with only the fields its scopes use. */
export function ruleOf(form: RuleForm): AccessRuleInput {
  const clusters: AccessClusterScope = { type: form.clusterType };
  if (form.clusterType === 'environment')
    clusters.environment = form.environment;
  if (form.clusterType === 'cluster') clusters.cluster = form.cluster;
  const namespaces: AccessNamespaceScope = { type: form.namespaceType };
  if (form.namespaceType === 'names') {
    namespaces.names = form.names
      .split(',')
      .map(n => n.trim())
      .filter(Boolean);
  }
  if (form.namespaceType === 'team-prefix') namespaces.team = form.team;
  return {
    id: form.id.trim(),
    ...(form.description.trim()
      ? { description: form.description.trim() }
      : {}),
    group: form.group,
    role: form.role.trim(),
    clusters,
    namespaces,
  };
}

/**
 * What the backend cannot even check (its request schema refuses these outright), said
 * here so the person sees it at the field rather than as a refused request.
 */
export function missingFields(form: RuleForm): AccessFieldError[] {
  const missing: AccessFieldError[] = [];
  if (!form.id.trim()) missing.push({ field: 'id', message: 'is required' });
  if (!form.group) missing.push({ field: 'group', message: 'is required' });
  if (!form.role.trim())
    missing.push({ field: 'role', message: 'is required' });
  return missing;
}

/**
 * The shown field an error belongs to: the field itself or the nearest one above it
 * (`namespaces.names.1` → `namespaces.names`, `clusters` → `clusters.type`); undefined
 * when no field fits (the error is shown above the form).
 */
export function fieldOf(path: string): FormField | undefined {
  const exact = FORM_FIELDS.find(f => path === f || path.startsWith(`${f}.`));
  if (exact) return exact;
  if (path === 'clusters') return 'clusters.type';
  if (path === 'namespaces') return 'namespaces.type';
  return undefined;
}

/** The errors by the field they are shown at; `''` for those shown above the form. */
export function errorsByField(
  errors: AccessFieldError[],
): Map<FormField | '', string[]> {
  const byField = new Map<FormField | '', string[]>();
  for (const e of errors) {
    const field = fieldOf(e.field) ?? '';
    const message = field ? e.message : `${e.field}: ${e.message}`;
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return byField;
}
