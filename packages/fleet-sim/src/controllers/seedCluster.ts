import type { ScenarioCluster } from '../scenario/scenarioSchema';
import { seedBootstrapRbac } from '../server/bootstrapRbac';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { rfc3339, safeSuffix } from './ids';

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'istio-system', 'skiperator-system'];

/** The node names a cluster gets, in order (stable, so pods can be placed deterministically). */
export function nodeNames(cluster: ScenarioCluster): string[] {
  const names: string[] = [];
  for (let i = 0; i < cluster.nodes; i++) {
    names.push(
      cluster.platform === 'gke'
        ? `gke-${cluster.name}-default-pool-${safeSuffix(`${cluster.name}-pool`, 8)}-${safeSuffix(`${cluster.name}-${i}`, 4)}`
        : `${cluster.name}-pool-1-${safeSuffix(`${cluster.name}-pool`, 6)}-${safeSuffix(`${cluster.name}-${i}`, 5)}`,
    );
  }
  return names;
}

/** A Node as the kubelet reports it. */
export function nodeObject(cluster: ScenarioCluster, name: string, index: number, kubeletVersion: string, created: Date): KubeObject {
  const gke = cluster.platform === 'gke';
  const zone = gke ? `europe-north1-${'abc'[index % 3]}` : `${cluster.site}-rack-${(index % 3) + 1}`;
  const ready = rfc3339(created);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: {
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'node.kubernetes.io/instance-type': gke ? 'e2-standard-8' : 'vsphere-vm',
        'topology.kubernetes.io/zone': zone,
        ...(gke ? { 'cloud.google.com/gke-nodepool': 'default-pool' } : { 'onprem.gke.io/pool': 'pool-1' }),
        ...(cluster.role === 'admin' ? { 'node-role.kubernetes.io/control-plane': '' } : {}),
      },
    },
    spec: { podCIDR: `10.${100 + index}.0.0/24`, providerID: gke ? `gce://kv-${cluster.name}/${zone}/${name}` : `vsphere://${safeSuffix(name, 8)}` },
    status: {
      capacity: { cpu: '8', memory: '32874316Ki', pods: '110', 'ephemeral-storage': '101430960Ki' },
      allocatable: { cpu: '7910m', memory: '29202252Ki', pods: '110', 'ephemeral-storage': '47093746742' },
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available', lastHeartbeatTime: ready, lastTransitionTime: ready },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure', lastHeartbeatTime: ready, lastTransitionTime: ready },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available', lastHeartbeatTime: ready, lastTransitionTime: ready },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: ready, lastTransitionTime: ready },
      ],
      addresses: [
        { type: 'InternalIP', address: `10.${gke ? 132 : 40}.${index}.${10 + index}` },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion,
        kubeProxyVersion: kubeletVersion,
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: gke ? '6.1.112+' : '5.15.0-1067-gkeop',
        osImage: gke ? 'Container-Optimized OS from Google' : 'Ubuntu 22.04.5 LTS',
        operatingSystem: 'linux',
        architecture: 'amd64',
        machineID: safeSuffix(`${name}-machine`, 32),
        systemUUID: safeSuffix(`${name}-uuid`, 32),
        bootID: safeSuffix(`${name}-boot`, 32),
      },
    },
  };
}

/** A Namespace; team namespaces carry the `team` label Skiperator defaults spec.team from. */
export function namespaceObject(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** Seeds what every cluster has regardless of apps: system namespaces, bootstrap RBAC and nodes. */
export function seedCluster(store: ObjectStore, cluster: ScenarioCluster, created: Date): void {
  for (const ns of SYSTEM_NAMESPACES) store.put(namespaceObject(ns));
  seedBootstrapRbac(store, created);
  if (cluster.platform === 'gke') store.put(namespaceObject('gke-managed-system'));
  else store.put(namespaceObject('gke-connect'));
  for (const [i, name] of nodeNames(cluster).entries()) store.put(nodeObject(cluster, name, i, cluster.kubernetesVersion, created));
}

/** Sets every node's kubeletVersion (after an upgrade). */
export function setNodeVersions(store: ObjectStore, version: string): void {
  for (const node of store.list('v1', 'Node')) {
    const status = node.status as { nodeInfo: Record<string, string> };
    status.nodeInfo.kubeletVersion = version;
    status.nodeInfo.kubeProxyVersion = version;
    store.put(node);
  }
}
