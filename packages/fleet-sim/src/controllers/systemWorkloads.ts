import type { ScenarioArgoInstance, ScenarioCluster } from '../scenario/scenarioSchema';

/** How a system workload's pods are owned and named, as the real controllers name them. */
export type SystemWorkloadKind = 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'StaticPod';

/** One workload of the platform itself (kube-system, istio-system, argocd, a user cluster's control plane). */
export type SystemWorkload = {
  namespace: string;
  name: string;
  kind: SystemWorkloadKind;
  /** Deployment/StatefulSet pods; DaemonSets get one pod per node, static pods one on the control-plane node */
  replicas?: number;
  containers: { name: string; image: string }[];
  /** the `component`/`k8s-app` label value the log lines are chosen by */
  component: string;
};

/** Where GKE on VMware's release images live (kubeception and Controlplane V2 control planes). */
export const ONPREM_REGISTRY = 'gcr.io/gke-on-prem-release';
const ETCD_IMAGE = `${ONPREM_REGISTRY}/etcd:v3.5.16-0-gke.1`;
const ARGOCD_IMAGE = 'quay.io/argoproj/argocd:v2.14.11';
const ISTIO_VERSION = '1.23.4-asm.1';

const deployment = (namespace: string, name: string, image: string, replicas = 1, component = name): SystemWorkload => ({
  namespace,
  name,
  kind: 'Deployment',
  replicas,
  containers: [{ name: name.replace(/^argocd-/, ''), image }],
  component,
});

/**
 * A cluster's control-plane components at a Kubernetes version. Kubeception runs them as
 * workloads in the admin cluster, in a namespace named after the user cluster; Controlplane V2
 * user clusters and admin clusters run them as static pods in their own kube-system.
 */
export function controlPlaneWorkloads(cluster: ScenarioCluster, kubernetesVersion: string): SystemWorkload[] {
  const image = (component: string) => `${ONPREM_REGISTRY}/${component}:${kubernetesVersion}`;
  if (cluster.platform !== 'anthos-vmware') return [];
  if (cluster.role === 'user' && cluster.controlPlane === 'kubeception') {
    const ns = cluster.name;
    return [
      { namespace: ns, name: 'kube-apiserver', kind: 'StatefulSet', replicas: 1, containers: [{ name: 'kube-apiserver', image: image('kube-apiserver') }], component: 'kube-apiserver' },
      { namespace: ns, name: 'kube-etcd', kind: 'StatefulSet', replicas: 1, containers: [{ name: 'kube-etcd', image: ETCD_IMAGE }], component: 'etcd' },
      deployment(ns, 'kube-controller-manager', image('kube-controller-manager'), 1),
      deployment(ns, 'kube-scheduler', image('kube-scheduler'), 1),
    ];
  }
  const staticPod = (name: string, img: string, component = name): SystemWorkload => ({ namespace: 'kube-system', name, kind: 'StaticPod', containers: [{ name, image: img }], component });
  return [
    staticPod('kube-apiserver', image('kube-apiserver')),
    staticPod('etcd', ETCD_IMAGE),
    staticPod('kube-controller-manager', image('kube-controller-manager')),
    staticPod('kube-scheduler', image('kube-scheduler')),
  ];
}

/** The cluster whose store holds `cluster`'s control-plane pods. */
export function controlPlaneHost(cluster: ScenarioCluster): string {
  return cluster.role === 'user' && cluster.controlPlane === 'kubeception' && cluster.adminCluster ? cluster.adminCluster : cluster.name;
}

/** The node agents and add-ons every cluster of a platform runs, at the cluster's Kubernetes version. */
export function addonWorkloads(cluster: ScenarioCluster, kubernetesVersion: string): SystemWorkload[] {
  if (cluster.platform === 'gke') {
    return [
      { namespace: 'kube-system', name: 'kube-proxy', kind: 'StaticPod', containers: [{ name: 'kube-proxy', image: `gke.gcr.io/kube-proxy-amd64:${kubernetesVersion}` }], component: 'kube-proxy' },
      { namespace: 'kube-system', name: 'fluentbit-gke', kind: 'DaemonSet', containers: [{ name: 'fluentbit', image: 'gke.gcr.io/fluent-bit:v1.8.12-gke.36' }], component: 'fluentbit' },
      deployment('kube-system', 'kube-dns', 'gke.gcr.io/k8s-dns-kube-dns:1.23.0-gke.9', 2, 'kube-dns'),
      deployment('kube-system', 'metrics-server-v1.30.3', 'gke.gcr.io/metrics-server:v0.7.1-gke.23', 1, 'metrics-server'),
    ];
  }
  return [
    // GKE on VMware clusters here use Dataplane V2: anetd (Cilium) replaces kube-proxy on every node.
    { namespace: 'kube-system', name: 'anetd', kind: 'DaemonSet', containers: [{ name: 'cilium-agent', image: `${ONPREM_REGISTRY}/cilium/cilium:v1.13.10-anthos1.30-gke4.2.10` }], component: 'anetd' },
    deployment('kube-system', 'coredns', `${ONPREM_REGISTRY}/coredns:v1.11.3-gke.0`, 2, 'coredns'),
    deployment('kube-system', 'metrics-server', `${ONPREM_REGISTRY}/metrics-server:v0.7.2-gke.1`, 1, 'metrics-server'),
  ];
}

/**
 * Every system workload running in `cluster`: add-ons, its own control plane where it runs in
 * the cluster, the control planes of the kubeception user clusters an admin cluster hosts, Istio
 * and Skiperator on user clusters, and Argo CD where an instance lives.
 */
export function systemWorkloadsFor(cluster: ScenarioCluster, fleet: Iterable<ScenarioCluster>, argocd: ScenarioArgoInstance[]): SystemWorkload[] {
  const out = addonWorkloads(cluster, cluster.kubernetesVersion);
  if (controlPlaneHost(cluster) === cluster.name) out.push(...controlPlaneWorkloads(cluster, cluster.kubernetesVersion));
  if (cluster.role === 'admin') {
    out.push(
      deployment('kube-system', 'onprem-user-cluster-controller', `${ONPREM_REGISTRY}/onprem-user-cluster-controller:${cluster.platformVersion}`, 1),
      deployment('kube-system', 'clusterapi-controllers', `${ONPREM_REGISTRY}/cluster-api-vsphere-controller:${cluster.platformVersion}`, 1),
    );
    for (const user of fleet) {
      if (user.adminCluster === cluster.name && controlPlaneHost(user) === cluster.name) out.push(...controlPlaneWorkloads(user, user.kubernetesVersion));
    }
  } else {
    out.push(
      deployment('istio-system', 'istiod', `gcr.io/gke-release/asm/pilot:${ISTIO_VERSION}`, 2),
      deployment('istio-system', 'istio-ingressgateway', `gcr.io/gke-release/asm/proxyv2:${ISTIO_VERSION}`, 2),
    );
  }
  out.push(deployment('skiperator-system', 'skiperator', `ghcr.io/kartverket/skiperator:${cluster.skiperatorVersion}`, 1));
  for (const inst of argocd.filter(i => i.cluster === cluster.name)) {
    const ns = inst.namespace;
    out.push(
      deployment(ns, 'argocd-server', ARGOCD_IMAGE),
      deployment(ns, 'argocd-repo-server', ARGOCD_IMAGE),
      deployment(ns, 'argocd-applicationset-controller', ARGOCD_IMAGE),
      deployment(ns, 'argocd-redis', 'public.ecr.aws/docker/library/redis:7.4.2-alpine', 1, 'redis'),
      { namespace: ns, name: 'argocd-application-controller', kind: 'StatefulSet', replicas: 1, containers: [{ name: 'application-controller', image: ARGOCD_IMAGE }], component: 'argocd-application-controller' },
    );
  }
  return out;
}
