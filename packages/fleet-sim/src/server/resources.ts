import { KubeObject } from '../store/types';

/** One column of a `kubectl get` table. */
export type TableColumn = {
  name: string;
  type: 'string' | 'integer' | 'date' | 'number' | 'boolean';
  format?: string;
  priority?: number;
  description?: string;
  cell: (obj: KubeObject) => unknown;
};

/** A served resource: what discovery announces and what the handlers need to find objects. */
export type ResourceType = {
  group: string;
  version: string;
  /** plural, e.g. 'deployments' */
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** has a status subresource: main-resource writes keep status, /status writes keep the rest */
  status?: boolean;
  /** columns between NAME and AGE in `kubectl get` */
  columns?: TableColumn[];
};

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** apiVersion string of a resource type. */
export function apiVersionOf(type: { group: string; version: string }): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

function path(obj: unknown, dotted: string): unknown {
  let cur = obj;
  for (const part of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function col(name: string, dotted: string, opts: Partial<TableColumn> = {}): TableColumn {
  return { name, type: 'string', cell: o => path(o, dotted) ?? '', ...opts };
}

function num(name: string, dotted: string, opts: Partial<TableColumn> = {}): TableColumn {
  return { name, type: 'integer', cell: o => Number(path(o, dotted) ?? 0), ...opts };
}

function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) return 'Terminating';
  const statuses = (path(pod, 'status.containerStatuses') as any[] | undefined) ?? [];
  for (const s of statuses) {
    const reason = s?.state?.waiting?.reason ?? s?.state?.terminated?.reason;
    if (reason) return reason;
  }
  return String(path(pod, 'status.reason') ?? path(pod, 'status.phase') ?? 'Pending');
}

const podColumns: TableColumn[] = [
  {
    name: 'Ready',
    type: 'string',
    cell: pod => {
      const containers = (path(pod, 'spec.containers') as unknown[] | undefined) ?? [];
      const statuses = (path(pod, 'status.containerStatuses') as any[] | undefined) ?? [];
      return `${statuses.filter(s => s?.ready).length}/${containers.length}`;
    },
  },
  { name: 'Status', type: 'string', cell: podStatus },
  {
    name: 'Restarts',
    type: 'integer',
    cell: pod =>
      ((path(pod, 'status.containerStatuses') as any[] | undefined) ?? []).reduce(
        (n, s) => n + Number(s?.restartCount ?? 0),
        0,
      ),
  },
  col('IP', 'status.podIP', { priority: 1 }),
  col('Node', 'spec.nodeName', { priority: 1 }),
];

const readyReplicas: TableColumn = {
  name: 'Ready',
  type: 'string',
  cell: o => `${path(o, 'status.readyReplicas') ?? 0}/${path(o, 'spec.replicas') ?? 1}`,
};

const skiperatorStatus = [
  col('Status', 'status.summary.status'),
  col('Message', 'status.summary.message', { priority: 1 }),
];

function core(resource: string, kind: string, namespaced: boolean, rest: Partial<ResourceType> = {}): ResourceType {
  return { group: '', version: 'v1', resource, kind, singular: kind.toLowerCase(), namespaced, ...rest };
}

function res(
  groupVersion: string,
  resource: string,
  kind: string,
  rest: Partial<ResourceType> = {},
): ResourceType {
  const [group, version] = groupVersion.split('/');
  return { group, version, resource, kind, singular: kind.toLowerCase(), namespaced: true, ...rest };
}

/** Every resource the simulator serves. The first listed version of a group is its preferred one. */
export const RESOURCE_TYPES: ResourceType[] = [
  core('namespaces', 'Namespace', false, {
    shortNames: ['ns'],
    status: true,
    columns: [col('Status', 'status.phase')],
  }),
  core('nodes', 'Node', false, {
    shortNames: ['no'],
    status: true,
    columns: [
      {
        name: 'Status',
        type: 'string',
        cell: n =>
          ((path(n, 'status.conditions') as any[] | undefined) ?? []).find(c => c?.type === 'Ready')?.status === 'True'
            ? 'Ready'
            : 'NotReady',
      },
      {
        name: 'Roles',
        type: 'string',
        cell: n =>
          Object.keys(n.metadata.labels ?? {})
            .filter(l => l.startsWith('node-role.kubernetes.io/'))
            .map(l => l.slice('node-role.kubernetes.io/'.length))
            .join(',') || '<none>',
      },
      col('Version', 'status.nodeInfo.kubeletVersion'),
    ],
  }),
  core('pods', 'Pod', true, { shortNames: ['po'], categories: ['all'], status: true, columns: podColumns }),
  core('events', 'Event', true, {
    shortNames: ['ev'],
    columns: [
      col('Type', 'type'),
      col('Reason', 'reason'),
      {
        name: 'Object',
        type: 'string',
        cell: e => `${String(path(e, 'involvedObject.kind') ?? '').toLowerCase()}/${path(e, 'involvedObject.name') ?? ''}`,
      },
      col('Message', 'message'),
    ],
  }),
  core('services', 'Service', true, {
    shortNames: ['svc'],
    categories: ['all'],
    status: true,
    columns: [
      col('Type', 'spec.type'),
      col('Cluster-IP', 'spec.clusterIP'),
      {
        name: 'Ports',
        type: 'string',
        cell: s =>
          ((path(s, 'spec.ports') as any[] | undefined) ?? [])
            .map(p => `${p?.port}/${p?.protocol ?? 'TCP'}`)
            .join(',') || '<none>',
      },
    ],
  }),
  core('configmaps', 'ConfigMap', true, {
    shortNames: ['cm'],
    columns: [{ name: 'Data', type: 'integer', cell: c => Object.keys((c.data as object | undefined) ?? {}).length }],
  }),
  core('secrets', 'Secret', true, {
    columns: [col('Type', 'type'), { name: 'Data', type: 'integer', cell: c => Object.keys((c.data as object | undefined) ?? {}).length }],
  }),
  core('serviceaccounts', 'ServiceAccount', true, { shortNames: ['sa'] }),
  core('limitranges', 'LimitRange', true, { shortNames: ['limits'] }),
  core('resourcequotas', 'ResourceQuota', true, { shortNames: ['quota'], status: true }),

  res('apps/v1', 'deployments', 'Deployment', {
    shortNames: ['deploy'],
    categories: ['all'],
    status: true,
    columns: [
      readyReplicas,
      num('Up-to-date', 'status.updatedReplicas'),
      num('Available', 'status.availableReplicas'),
    ],
  }),
  res('apps/v1', 'replicasets', 'ReplicaSet', {
    shortNames: ['rs'],
    categories: ['all'],
    status: true,
    columns: [num('Desired', 'spec.replicas'), num('Current', 'status.replicas'), num('Ready', 'status.readyReplicas')],
  }),
  res('apps/v1', 'statefulsets', 'StatefulSet', { shortNames: ['sts'], categories: ['all'], status: true, columns: [readyReplicas] }),
  res('apps/v1', 'daemonsets', 'DaemonSet', { shortNames: ['ds'], categories: ['all'], status: true }),
  res('batch/v1', 'jobs', 'Job', { categories: ['all'], status: true }),
  res('batch/v1', 'cronjobs', 'CronJob', { shortNames: ['cj'], categories: ['all'], status: true }),
  res('autoscaling/v2', 'horizontalpodautoscalers', 'HorizontalPodAutoscaler', {
    shortNames: ['hpa'],
    categories: ['all'],
    status: true,
    columns: [num('MinPods', 'spec.minReplicas'), num('MaxPods', 'spec.maxReplicas'), num('Replicas', 'status.currentReplicas')],
  }),
  res('policy/v1', 'poddisruptionbudgets', 'PodDisruptionBudget', { shortNames: ['pdb'], status: true }),
  res('networking.k8s.io/v1', 'networkpolicies', 'NetworkPolicy', { shortNames: ['netpol'] }),
  res('networking.k8s.io/v1', 'ingresses', 'Ingress', { shortNames: ['ing'], status: true }),
  res('rbac.authorization.k8s.io/v1', 'roles', 'Role'),
  res('rbac.authorization.k8s.io/v1', 'rolebindings', 'RoleBinding', {
    columns: [{ name: 'Role', type: 'string', cell: b => `${path(b, 'roleRef.kind')}/${path(b, 'roleRef.name')}` }],
  }),
  res('rbac.authorization.k8s.io/v1', 'clusterroles', 'ClusterRole', { namespaced: false }),
  res('rbac.authorization.k8s.io/v1', 'clusterrolebindings', 'ClusterRoleBinding', {
    namespaced: false,
    columns: [{ name: 'Role', type: 'string', cell: b => `${path(b, 'roleRef.kind')}/${path(b, 'roleRef.name')}` }],
  }),

  res('networking.istio.io/v1', 'serviceentries', 'ServiceEntry', { shortNames: ['se'], categories: ['istio-io', 'networking-istio-io'], status: true }),
  res('networking.istio.io/v1', 'gateways', 'Gateway', { shortNames: ['gw'], categories: ['istio-io', 'networking-istio-io'], status: true }),
  res('networking.istio.io/v1', 'virtualservices', 'VirtualService', { shortNames: ['vs'], categories: ['istio-io', 'networking-istio-io'], status: true }),
  res('security.istio.io/v1', 'peerauthentications', 'PeerAuthentication', { shortNames: ['pa'], categories: ['istio-io', 'security-istio-io'], status: true }),
  res('security.istio.io/v1', 'authorizationpolicies', 'AuthorizationPolicy', { shortNames: ['ap'], categories: ['istio-io', 'security-istio-io'], status: true }),
  res('security.istio.io/v1', 'requestauthentications', 'RequestAuthentication', { shortNames: ['ra'], categories: ['istio-io', 'security-istio-io'], status: true }),
  res('telemetry.istio.io/v1', 'telemetries', 'Telemetry', { shortNames: ['telemetry'], categories: ['istio-io', 'telemetry-istio-io'], status: true }),
  res('gateway.networking.k8s.io/v1', 'httproutes', 'HTTPRoute', { categories: ['gateway-api'], status: true }),
  res('monitoring.coreos.com/v1', 'servicemonitors', 'ServiceMonitor', { shortNames: ['smon'], categories: ['prometheus-operator'] }),

  res('skiperator.kartverket.no/v1alpha1', 'applications', 'Application', { shortNames: ['app'], status: true, columns: skiperatorStatus }),
  res('skiperator.kartverket.no/v1alpha1', 'routings', 'Routing', { status: true, columns: skiperatorStatus }),
  res('skiperator.kartverket.no/v1beta1', 'skipjobs', 'SKIPJob', { status: true, columns: skiperatorStatus }),
  res('skiperator.kartverket.no/v1alpha1', 'skipjobs', 'SKIPJob', { status: true, columns: skiperatorStatus }),

  res('argoproj.io/v1alpha1', 'applications', 'Application', {
    shortNames: ['app', 'apps'],
    status: true,
    columns: [col('Sync Status', 'status.sync.status'), col('Health Status', 'status.health.status'), col('Revision', 'status.sync.revision', { priority: 10 })],
  }),
  res('argoproj.io/v1alpha1', 'appprojects', 'AppProject', { shortNames: ['appproj', 'appprojs'] }),
  res('argoproj.io/v1alpha1', 'applicationsets', 'ApplicationSet', { shortNames: ['appset', 'appsets'], status: true }),

  res('onprem.cluster.gke.io/v1alpha1', 'onpremuserclusters', 'OnPremUserCluster', { status: true, columns: [col('Version', 'spec.gkeOnPremVersion')] }),
  res('onprem.cluster.gke.io/v1alpha1', 'onpremadminclusters', 'OnPremAdminCluster', { status: true, columns: [col('Version', 'spec.gkeOnPremVersion')] }),
];

/** Lookup of served resources by group/version/plural. */
export class ResourceRegistry {
  private readonly byPath = new Map<string, ResourceType>();

  constructor(readonly types: ResourceType[] = RESOURCE_TYPES) {
    for (const t of types) this.byPath.set(`${t.group}/${t.version}/${t.resource}`, t);
  }

  /** The resource served at group/version/plural, if any. */
  find(group: string, version: string, resource: string): ResourceType | undefined {
    return this.byPath.get(`${group}/${version}/${resource}`);
  }

  /** Groups with their versions, in first-seen order (the first version is the preferred one). */
  groups(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const t of this.types) {
      const versions = out.get(t.group) ?? [];
      if (!versions.includes(t.version)) versions.push(t.version);
      out.set(t.group, versions);
    }
    return out;
  }

  /** Resources of one group/version. */
  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.types.filter(t => t.group === group && t.version === version);
  }
}
