import { KubeObject } from '../store/types';
import { invalid, StatusCause } from './KubeStatusError';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

type RoleRef = { apiGroup?: unknown; kind?: unknown; name?: unknown };
type Subject = { kind?: unknown; apiGroup?: unknown; name?: unknown; namespace?: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const quoted = (values: string[]) => values.map(v => `"${v}"`).join(', ');

function notSupported(field: string, value: string, supported: string[]): StatusCause {
  return { reason: 'FieldValueNotSupported', message: `Unsupported value: "${value}": supported values: ${quoted(supported)}`, field };
}

function required(field: string): StatusCause {
  return { reason: 'FieldValueRequired', message: 'Required value', field };
}

/** How Go's %#v prints the internal rbac.RoleRef, as the real "cannot change roleRef" message shows it. */
function goRoleRef(ref: RoleRef): string {
  return `rbac.RoleRef{APIGroup:"${str(ref.apiGroup)}", Kind:"${str(ref.kind)}", Name:"${str(ref.name)}"}`;
}

/** rbac/v1 defaulting (SetDefaults_RoleBinding, SetDefaults_Subject): empty apiGroups get filled in. */
function defaultBinding(obj: KubeObject): void {
  if (isObject(obj.roleRef) && !obj.roleRef.apiGroup) obj.roleRef.apiGroup = RBAC_GROUP;
  if (!Array.isArray(obj.subjects)) return;
  for (const s of obj.subjects as Subject[]) {
    if (!isObject(s) || s.apiGroup) continue;
    if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC_GROUP;
    else if (s.kind === 'ServiceAccount') s.apiGroup = '';
  }
}

/** ValidateRoleBinding / ValidateClusterRoleBinding and ValidateRoleBindingSubject. */
function validateBinding(obj: KubeObject, namespaced: boolean): StatusCause[] {
  const causes: StatusCause[] = [];
  const ref = (isObject(obj.roleRef) ? obj.roleRef : {}) as RoleRef;
  if (str(ref.apiGroup) !== RBAC_GROUP) causes.push(notSupported('roleRef.apiGroup', str(ref.apiGroup), [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) causes.push(notSupported('roleRef.kind', str(ref.kind), kinds));
  if (!str(ref.name)) causes.push(required('roleRef.name'));
  const subjects = Array.isArray(obj.subjects) ? (obj.subjects as Subject[]) : [];
  subjects.forEach((raw, i) => {
    const s = (isObject(raw) ? raw : {}) as Subject;
    const at = `subjects[${i}]`;
    if (!str(s.name)) causes.push(required(`${at}.name`));
    switch (s.kind) {
      case 'ServiceAccount':
        if (str(s.apiGroup)) causes.push(notSupported(`${at}.apiGroup`, str(s.apiGroup), ['']));
        if (!namespaced && !str(s.namespace)) causes.push(required(`${at}.namespace`));
        break;
      case 'User':
      case 'Group':
        if (str(s.apiGroup) !== RBAC_GROUP) causes.push(notSupported(`${at}.apiGroup`, str(s.apiGroup), [RBAC_GROUP]));
        break;
      default:
        causes.push(notSupported(`${at}.kind`, str(s.kind), ['ServiceAccount', 'User', 'Group']));
    }
  });
  return causes;
}

/**
 * What kube-apiserver's RBAC registry does on a write of a RoleBinding or ClusterRoleBinding (create,
 * update, patch, apply): defaults, validates, and on update refuses a changed roleRef, which is
 * immutable (a binding must be deleted and recreated to point at another role). Changes `obj` in
 * place; throws 422 Invalid. Other kinds pass untouched.
 */
export function admitRbac(type: { group: string; kind: string; namespaced: boolean }, obj: KubeObject, existing?: KubeObject): void {
  if (type.group !== RBAC_GROUP || (type.kind !== 'RoleBinding' && type.kind !== 'ClusterRoleBinding')) return;
  defaultBinding(obj);
  const causes = validateBinding(obj, type.kind === 'RoleBinding');
  if (existing) {
    const before = (isObject(existing.roleRef) ? existing.roleRef : {}) as RoleRef;
    const after = (isObject(obj.roleRef) ? obj.roleRef : {}) as RoleRef;
    if (str(before.apiGroup) !== str(after.apiGroup) || str(before.kind) !== str(after.kind) || str(before.name) !== str(after.name)) {
      causes.push({ reason: 'FieldValueInvalid', message: `Invalid value: ${goRoleRef(after)}: cannot change roleRef`, field: 'roleRef' });
    }
  }
  if (causes.length) throw invalid(type.kind, type.group, obj.metadata?.name ?? '', causes);
}
