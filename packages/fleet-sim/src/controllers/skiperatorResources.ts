import { KubeObject, OwnerReference } from '../store/types';
import { safeSuffix } from './ids';

/** API version of Skiperator's Application. */
export const SKIPERATOR_API_VERSION = 'skiperator.kartverket.no/v1alpha1';

/** The parts of a Skiperator Application spec the simulator acts on. */
export type SkiperatorAppSpec = {
  image: string;
  port?: number;
  replicas?:
    | number
    | { min?: number; max?: number; targetCpuUtilization?: number };
  ingresses?: string[];
  team?: string;
  accessPolicy?: {
    inbound?: { rules?: AccessRule[] };
    outbound?: { rules?: AccessRule[]; external?: { host: string }[] };
  };
};

/** An in-cluster access rule: a named namespace wins over namespace labels; neither means the app's own. */
type AccessRule = {
  application: string;
  namespace?: string;
  namespacesByLabel?: Record<string, string>;
};

/** The namespaceSelector Skiperator renders for an access rule. */
function namespaceSelector(rule: AccessRule, ownNamespace: string) {
  if (
    !rule.namespace &&
    rule.namespacesByLabel &&
    Object.keys(rule.namespacesByLabel).length
  )
    return { matchLabels: rule.namespacesByLabel };
  return {
    matchLabels: {
      'kubernetes.io/metadata.name': rule.namespace ?? ownNamespace,
    },
  };
}

/** Skiperator's replica defaults: min 2, max 5, 80% CPU. */
export function normaliseReplicas(r: SkiperatorAppSpec['replicas']): {
  min: number;
  max: number;
  targetCpuUtilization: number;
} {
  if (typeof r === 'number')
    return { min: r, max: r, targetCpuUtilization: 80 };
  const min = r?.min ?? 2;
  return {
    min,
    max: Math.max(r?.max ?? 5, min),
    targetCpuUtilization: r?.targetCpuUtilization ?? 80,
  };
}

/** Labels Skiperator puts on everything it owns for an Application. */
export function ownedLabels(app: string): Record<string, string> {
  return {
    app,
    'app.kubernetes.io/managed-by': 'skiperator',
    'skiperator.kartverket.no/controller': 'application',
    'application.skiperator.no/app-name': app,
  };
}

/** The pod template hash: changes whenever what the pods run changes. */
export function templateHash(spec: SkiperatorAppSpec): string {
  return safeSuffix(JSON.stringify([spec.image, spec.port ?? 8080]), 10);
}

function meta(
  name: string,
  namespace: string,
  app: string,
  owner: OwnerReference,
) {
  return {
    name,
    namespace,
    labels: ownedLabels(app),
    ownerReferences: [owner],
  };
}

function containers(app: string, spec: SkiperatorAppSpec) {
  const port = spec.port ?? 8080;
  return [
    {
      name: app,
      image: spec.image,
      imagePullPolicy: 'Always',
      ports: [{ name: 'main', containerPort: port, protocol: 'TCP' }],
      securityContext: {
        runAsUser: 150,
        runAsGroup: 150,
        runAsNonRoot: true,
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        capabilities: { drop: ['ALL'] },
      },
      resources: { requests: { cpu: '25m', memory: '64Mi' } },
    },
  ];
}

/** Every object Skiperator renders for an Application except ReplicaSets and Pods, in apply order. */
export function renderOwnedResources(
  app: KubeObject,
  owner: OwnerReference,
): KubeObject[] {
  const name = app.metadata.name;
  const namespace = app.metadata.namespace ?? 'default';
  const spec = app.spec as SkiperatorAppSpec;
  const port = spec.port ?? 8080;
  const replicas = normaliseReplicas(spec.replicas);
  const m = (n: string) => meta(n, namespace, name, owner);
  const out: KubeObject[] = [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: m(name) },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        ...m(name),
        annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false' },
      },
      spec: {
        replicas: replicas.min,
        selector: { matchLabels: { app: name } },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
        },
        revisionHistoryLimit: 2,
        progressDeadlineSeconds: 600,
        template: {
          metadata: {
            labels: { app: name, 'application.skiperator.no/app-name': name },
            annotations: { 'prometheus.io/scrape': 'true' },
          },
          spec: {
            serviceAccountName: name,
            containers: containers(name, spec),
            restartPolicy: 'Always',
            priorityClassName: 'skip-medium',
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: m(name),
      spec: {
        type: 'ClusterIP',
        clusterIP: `10.96.${
          (parseInt(safeSuffix(`${namespace}/${name}`, 2), 36) % 250) + 1
        }.${((name.length * 7) % 250) + 1}`,
        selector: { app: name },
        ports: [
          {
            name: 'http',
            port,
            targetPort: port,
            protocol: 'TCP',
            appProtocol: 'http',
          },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: m(name),
      spec: {
        podSelector: { matchLabels: { app: name } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          ...(spec.accessPolicy?.inbound?.rules ?? []).map(r => ({
            from: [
              {
                namespaceSelector: namespaceSelector(r, namespace),
                podSelector: { matchLabels: { app: r.application } },
              },
            ],
            ports: [{ port }],
          })),
          ...(spec.ingresses?.length
            ? [
                {
                  from: [
                    {
                      namespaceSelector: {
                        matchLabels: {
                          'kubernetes.io/metadata.name': 'istio-gateways',
                        },
                      },
                    },
                  ],
                  ports: [{ port }],
                },
              ]
            : []),
        ],
        egress: (spec.accessPolicy?.outbound?.rules ?? []).map(r => ({
          to: [
            {
              namespaceSelector: namespaceSelector(r, namespace),
              podSelector: { matchLabels: { app: r.application } },
            },
          ],
        })),
      },
    },
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: m(name),
      spec: {
        selector: { matchLabels: { app: name } },
        mtls: { mode: 'STRICT' },
      },
    },
    {
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: m(`${name}-deny`),
      spec: {
        action: 'DENY',
        selector: { matchLabels: { app: name } },
        rules: [
          {
            from: [{ source: { namespaces: ['istio-gateways'] } }],
            to: [{ operation: { paths: ['/actuator', '/actuator/*'] } }],
          },
        ],
      },
    },
  ];
  if (replicas.max > replicas.min) {
    out.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: m(name),
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        minReplicas: replicas.min,
        maxReplicas: replicas.max,
        metrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: {
                type: 'Utilization',
                averageUtilization: replicas.targetCpuUtilization,
              },
            },
          },
        ],
      },
      status: {
        currentReplicas: replicas.min,
        desiredReplicas: replicas.min,
        currentMetrics: [
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              current: { averageUtilization: 12, averageValue: '3m' },
            },
          },
        ],
      },
    });
  }
  for (const host of spec.ingresses ?? []) {
    const gateway = `${name}-ingress-${safeSuffix(host, 16)}`;
    out.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'Gateway',
      metadata: m(gateway),
      spec: {
        selector: {
          app: host.endsWith('.kartverket.no')
            ? 'istio-ingress-external'
            : 'istio-ingress-internal',
        },
        servers: [
          {
            hosts: [host],
            port: { name: 'http', number: 80, protocol: 'HTTP' },
          },
          {
            hosts: [host],
            port: { name: 'https', number: 443, protocol: 'HTTPS' },
            tls: { mode: 'SIMPLE', credentialName: `${namespace}-${gateway}` },
          },
        ],
      },
    });
  }
  if (spec.ingresses?.length) {
    out.push({
      apiVersion: 'networking.istio.io/v1',
      kind: 'VirtualService',
      metadata: m(`${name}-ingress`),
      spec: {
        exportTo: ['.', 'istio-system', 'istio-gateways'],
        gateways: spec.ingresses.map(
          h => `${name}-ingress-${safeSuffix(h, 16)}`,
        ),
        hosts: spec.ingresses,
        http: [
          {
            name: 'redirect-to-https',
            match: [
              {
                withoutHeaders: {
                  ':path': { prefix: '/.well-known/acme-challenge/' },
                },
                port: 80,
              },
            ],
            redirect: { scheme: 'https', redirectCode: 308 },
          },
          {
            name: 'default-app-route',
            route: [{ destination: { host: name, port: { number: port } } }],
          },
        ],
      },
    });
  }
  return out;
}
