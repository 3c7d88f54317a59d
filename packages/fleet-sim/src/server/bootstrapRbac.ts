import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { fieldsV1Of, ManagedFieldsEntry } from './managedFields';

/**
 * The RBAC objects kube-apiserver's `rbac/bootstrap-roles` post-start hook creates in every cluster
 * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy), abridged to the ones people look at: the four
 * user-facing ClusterRoles (cluster-admin, admin, edit, view, the last three aggregated from the
 * `system:aggregate-to-*` roles as the clusterrole-aggregation-controller does), a few `system:`
 * roles every authenticated user gets, and their ClusterRoleBindings. Rules are the real ones of
 * Kubernetes 1.30/1.31, minus the deprecated `extensions` group.
 */

const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ_WRITE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];

type PolicyRule = { verbs: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] };

const rule = (verbs: string[], apiGroups: string[], resources: string[]): PolicyRule => ({ verbs, apiGroups, resources });

/** system:aggregate-to-view: read-only, no secrets and nothing that escalates (exec, proxy). */
const VIEW_RULES: PolicyRule[] = [
  rule(READ, [''], ['pods', 'replicationcontrollers', 'replicationcontrollers/scale', 'serviceaccounts', 'services', 'services/status', 'endpoints', 'persistentvolumeclaims', 'persistentvolumeclaims/status', 'configmaps']),
  rule(READ, [''], ['limitranges', 'resourcequotas', 'bindings', 'events', 'pods/status', 'resourcequotas/status', 'namespaces/status', 'replicationcontrollers/status', 'pods/log']),
  rule(READ, [''], ['namespaces']),
  rule(READ, ['discovery.k8s.io'], ['endpointslices']),
  rule(READ, ['apps'], ['controllerrevisions', 'statefulsets', 'statefulsets/scale', 'statefulsets/status', 'daemonsets', 'daemonsets/status', 'deployments', 'deployments/scale', 'deployments/status', 'replicasets', 'replicasets/scale', 'replicasets/status']),
  rule(READ, ['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status']),
  rule(READ, ['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status']),
  rule(READ, ['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status']),
  rule(READ, ['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies']),
];

/** system:aggregate-to-edit: writes workloads, config and secrets; no RBAC. */
const EDIT_RULES: PolicyRule[] = [
  rule(READ, [''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy']),
  rule(['impersonate'], [''], ['serviceaccounts']),
  rule(WRITE, [''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy']),
  rule(['create'], [''], ['pods/eviction']),
  rule(WRITE, [''], ['configmaps', 'events', 'persistentvolumeclaims', 'replicationcontrollers', 'replicationcontrollers/scale', 'secrets', 'serviceaccounts', 'services', 'services/proxy']),
  rule(['create'], [''], ['serviceaccounts/token']),
  rule(WRITE, ['apps'], ['daemonsets', 'deployments', 'deployments/rollback', 'deployments/scale', 'replicasets', 'replicasets/scale', 'statefulsets', 'statefulsets/scale']),
  rule(WRITE, ['autoscaling'], ['horizontalpodautoscalers']),
  rule(WRITE, ['batch'], ['cronjobs', 'jobs']),
  rule(WRITE, ['policy'], ['poddisruptionbudgets']),
  rule(WRITE, ['networking.k8s.io'], ['ingresses', 'networkpolicies']),
  rule(READ_WRITE, ['coordination.k8s.io'], ['leases']),
];

/** system:aggregate-to-admin: roles and rolebindings in the namespace (no escalate or bind: the API server's escalation check applies). */
const ADMIN_RULES: PolicyRule[] = [
  rule(['create'], ['authorization.k8s.io'], ['localsubjectaccessreviews']),
  rule(READ_WRITE, [RBAC_GROUP], ['rolebindings', 'roles']),
];

const DISCOVERY_URLS = ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/livez', '/openapi', '/openapi/*', '/readyz', '/version', '/version/'];
const PUBLIC_INFO_URLS = ['/healthz', '/livez', '/readyz', '/version', '/version/'];

const BOOTSTRAP_LABELS = { 'kubernetes.io/bootstrapping': 'rbac-defaults' };
const AUTOUPDATE = { 'rbac.authorization.kubernetes.io/autoupdate': 'true' };
const aggregateTo = (role: string) => ({ [`rbac.authorization.k8s.io/aggregate-to-${role}`]: 'true' });

type RoleSpec = { name: string; labels?: Record<string, string>; rules: PolicyRule[]; aggregateFrom?: string };

const CLUSTER_ROLES: RoleSpec[] = [
  { name: 'cluster-admin', rules: [rule(['*'], ['*'], ['*']), { verbs: ['*'], nonResourceURLs: ['*'] }] },
  { name: 'admin', rules: [...VIEW_RULES, ...EDIT_RULES, ...ADMIN_RULES], aggregateFrom: 'admin' },
  { name: 'edit', labels: aggregateTo('admin'), rules: [...VIEW_RULES, ...EDIT_RULES], aggregateFrom: 'edit' },
  { name: 'view', labels: aggregateTo('edit'), rules: VIEW_RULES, aggregateFrom: 'view' },
  { name: 'system:aggregate-to-admin', labels: aggregateTo('admin'), rules: ADMIN_RULES },
  { name: 'system:aggregate-to-edit', labels: aggregateTo('edit'), rules: EDIT_RULES },
  { name: 'system:aggregate-to-view', labels: aggregateTo('view'), rules: VIEW_RULES },
  { name: 'system:discovery', rules: [{ verbs: ['get'], nonResourceURLs: DISCOVERY_URLS }] },
  { name: 'system:public-info-viewer', rules: [{ verbs: ['get'], nonResourceURLs: PUBLIC_INFO_URLS }] },
  {
    name: 'system:basic-user',
    rules: [
      rule(['create'], ['authorization.k8s.io'], ['selfsubjectaccessreviews', 'selfsubjectrulesreviews']),
      rule(['create'], ['authentication.k8s.io'], ['selfsubjectreviews']),
    ],
  },
];

const group = (name: string) => ({ kind: 'Group', apiGroup: RBAC_GROUP, name });

const CLUSTER_ROLE_BINDINGS: { name: string; subjects: ReturnType<typeof group>[] }[] = [
  { name: 'cluster-admin', subjects: [group('system:masters')] },
  { name: 'system:discovery', subjects: [group('system:authenticated')] },
  { name: 'system:basic-user', subjects: [group('system:authenticated')] },
  { name: 'system:public-info-viewer', subjects: [group('system:authenticated'), group('system:unauthenticated')] },
];

function managed(manager: string, operation: 'Apply' | 'Update', time: string, fields: unknown): ManagedFieldsEntry {
  return { manager, operation, apiVersion: RBAC_API_VERSION, time, fieldsType: 'FieldsV1', fieldsV1: fieldsV1Of(fields) };
}

function clusterRole(spec: RoleSpec, time: string): KubeObject {
  const metadata = { labels: { ...BOOTSTRAP_LABELS, ...spec.labels }, annotations: { ...AUTOUPDATE } };
  const aggregationRule = spec.aggregateFrom
    ? { clusterRoleSelectors: [{ matchLabels: aggregateTo(spec.aggregateFrom) }] }
    : undefined;
  const rules = structuredClone(spec.rules);
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRole',
    metadata: {
      name: spec.name,
      ...metadata,
      // The API server writes the role; for an aggregated one the aggregation controller owns the rules.
      managedFields: aggregationRule
        ? [
            managed('kube-apiserver', 'Update', time, { metadata, aggregationRule }),
            managed('clusterrole-aggregation-controller', 'Apply', time, { rules }),
          ]
        : [managed('kube-apiserver', 'Update', time, { metadata, rules })],
    },
    ...(aggregationRule ? { aggregationRule } : {}),
    rules,
  };
}

function clusterRoleBinding(name: string, subjects: object[], time: string): KubeObject {
  const metadata = { labels: { ...BOOTSTRAP_LABELS }, annotations: { ...AUTOUPDATE } };
  const roleRef = { apiGroup: RBAC_GROUP, kind: 'ClusterRole', name };
  return {
    apiVersion: RBAC_API_VERSION,
    kind: 'ClusterRoleBinding',
    metadata: { name, ...metadata, managedFields: [managed('kube-apiserver', 'Update', time, { metadata, roleRef, subjects })] },
    roleRef,
    subjects: structuredClone(subjects),
  };
}

/** The bootstrap ClusterRoles and ClusterRoleBindings, as created at `created`. */
export function bootstrapRbacObjects(created: Date): KubeObject[] {
  const time = created.toISOString().replace(/\.\d+Z$/, 'Z');
  const withCreation = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, creationTimestamp: time } });
  return [
    ...CLUSTER_ROLES.map(r => withCreation(clusterRole(r, time))),
    ...CLUSTER_ROLE_BINDINGS.map(b => withCreation(clusterRoleBinding(b.name, b.subjects, time))),
  ];
}

/**
 * Creates the bootstrap RBAC objects a new cluster has; like the real hook it leaves objects that
 * already exist alone, so calling it again (FleetSim, then the world's seeding) changes nothing.
 */
export function seedBootstrapRbac(store: ObjectStore, created: Date = new Date()): void {
  for (const obj of bootstrapRbacObjects(created)) {
    if (!store.peek(obj.apiVersion, obj.kind, undefined, obj.metadata.name)) store.put(obj);
  }
}
