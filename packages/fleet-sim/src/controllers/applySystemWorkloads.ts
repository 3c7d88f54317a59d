import type { ObjectStore } from '../store/ObjectStore';
import type { PodLogs } from '../store/PodLogs';
import { KubeObject, OwnerReference } from '../store/types';
import { rfc3339, safeSuffix, sha40 } from './ids';
import { namespaceObject } from './seedCluster';
import { systemPodLogLines } from './systemPodLogLines';
import { SystemWorkload } from './systemWorkloads';

/** The cluster system pods are written into. */
export type SystemPodTarget = { store: ObjectStore; logs: PodLogs };

/**
 * Writes system workloads and their running pods (with log lines) into a cluster. Idempotent:
 * unchanged pods are kept; a workload whose images changed gets new pods in place of the old,
 * which is how an upgrade moves control-plane and add-on pods to a new version.
 */
export function applySystemWorkloads(target: SystemPodTarget, nodes: string[], workloads: SystemWorkload[], now: Date): void {
  for (const w of workloads) {
    if (!target.store.peek('v1', 'Namespace', undefined, w.namespace)) target.store.put(namespaceObject(w.namespace));
    const hash = safeSuffix(`${w.name}/${w.containers.map(c => c.image).join(',')}`, 10);
    if (w.kind === 'StaticPod') {
      // A static pod's mirror lives on the control-plane node (the first node here) and is owned by it.
      const node = target.store.peek('v1', 'Node', undefined, nodes[0]);
      const owner: OwnerReference = { apiVersion: 'v1', kind: 'Node', name: nodes[0], uid: node?.metadata.uid ?? sha40(nodes[0]), controller: true };
      putPod(target, w, `${w.name}-${nodes[0]}`, nodes[0], { component: w.component, tier: 'control-plane' }, owner, now);
      continue;
    }
    const selector: Record<string, string> = w.namespace === 'kube-system' ? { 'k8s-app': w.name } : { 'app.kubernetes.io/name': w.name };
    const owner = target.store.put(workloadObject(w, selector, hash));
    const ownerRef = (o: KubeObject): OwnerReference => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true });
    const replicas = w.kind === 'DaemonSet' ? nodes.length : w.replicas ?? 1;
    const start = parseInt(sha40(w.name).slice(0, 4), 16);
    if (w.kind === 'DaemonSet') {
      for (const node of nodes) putPod(target, w, `${w.name}-${safeSuffix(`${w.name}/${node}`, 5)}`, node, { ...selector, 'controller-revision-hash': hash }, ownerRef(owner), now);
    } else if (w.kind === 'StatefulSet') {
      for (let i = 0; i < replicas; i++) putPod(target, w, `${w.name}-${i}`, nodes[(start + i) % nodes.length], { ...selector, 'controller-revision-hash': `${w.name}-${hash}` }, ownerRef(owner), now);
    } else {
      const rsName = `${w.name}-${hash}`;
      const rs = target.store.put({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: rsName, namespace: w.namespace, labels: { ...selector, 'pod-template-hash': hash }, ownerReferences: [ownerRef(owner)] },
        spec: { replicas, selector: { matchLabels: { ...selector, 'pod-template-hash': hash } }, template: template(w, { ...selector, 'pod-template-hash': hash }) },
        status: { replicas, readyReplicas: replicas, availableReplicas: replicas, fullyLabeledReplicas: replicas, observedGeneration: 1 },
      });
      retireOldReplicaSets(target, owner, rsName);
      for (let i = 0; i < replicas; i++) {
        putPod(target, w, `${rsName}-${safeSuffix(`${rsName}/${i}`, 5)}`, nodes[(start + i) % nodes.length], { ...selector, 'pod-template-hash': hash }, ownerRef(rs), now);
      }
    }
  }
}

function template(w: SystemWorkload, labels: Record<string, string>) {
  return { metadata: { labels }, spec: { priorityClassName: 'system-cluster-critical', containers: w.containers.map(c => ({ name: c.name, image: c.image })) } };
}

function workloadObject(w: SystemWorkload, selector: Record<string, string>, hash: string): KubeObject {
  const replicas = w.replicas ?? 1;
  const ready = { observedGeneration: 1, replicas, readyReplicas: replicas, availableReplicas: replicas, updatedReplicas: replicas };
  let status: Record<string, unknown> | undefined = ready;
  if (w.kind === 'DaemonSet') status = undefined;
  else if (w.kind === 'StatefulSet') {
    status = { ...ready, currentReplicas: replicas, currentRevision: `${w.name}-${hash}`, updateRevision: `${w.name}-${hash}` };
  }
  return {
    apiVersion: 'apps/v1',
    kind: w.kind,
    metadata: { name: w.name, namespace: w.namespace, labels: selector },
    spec: {
      ...(w.kind === 'DaemonSet' ? {} : { replicas }),
      ...(w.kind === 'StatefulSet' ? { serviceName: w.name } : {}),
      selector: { matchLabels: selector },
      template: template(w, selector),
    },
    ...(status ? { status } : {}),
  };
}

function retireOldReplicaSets(target: SystemPodTarget, deployment: KubeObject, current: string): void {
  const { store, logs } = target;
  const ns = deployment.metadata.namespace;
  for (const rs of store.list('apps/v1', 'ReplicaSet', ns)) {
    if (rs.metadata.name === current || !rs.metadata.ownerReferences?.some(o => o.uid === deployment.metadata.uid)) continue;
    for (const pod of store.list('v1', 'Pod', ns)) {
      if (!pod.metadata.ownerReferences?.some(o => o.uid === rs.metadata.uid)) continue;
      store.remove('v1', 'Pod', ns, pod.metadata.name);
      logs.removePod(ns ?? '', pod.metadata.name);
    }
    store.remove('apps/v1', 'ReplicaSet', ns, rs.metadata.name);
  }
}

function putPod(target: SystemPodTarget, w: SystemWorkload, name: string, node: string, labels: Record<string, string>, owner: OwnerReference, now: Date): void {
  const { store, logs } = target;
  const existing = store.peek('v1', 'Pod', w.namespace, name);
  const images = (pod: KubeObject) => (pod.spec as { containers: { image: string }[] }).containers.map(c => c.image).join(',');
  if (existing && images(existing) === w.containers.map(c => c.image).join(',')) return;
  if (existing) {
    // A new image means a new container: the pod is recreated under its name (StatefulSet, DaemonSet, static pod).
    store.remove('v1', 'Pod', w.namespace, name);
    logs.removePod(w.namespace, name);
  }
  const started = rfc3339(now);
  const ip = `10.${100 + (parseInt(sha40(node).slice(0, 2), 16) % 50)}.0.${(parseInt(sha40(name).slice(0, 4), 16) % 250) + 2}`;
  const condition = (type: string) => ({ type, status: 'True', lastProbeTime: null, lastTransitionTime: started });
  store.put({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: w.namespace, labels, ownerReferences: [owner] },
    spec: {
      nodeName: node,
      priorityClassName: w.namespace === 'kube-system' || w.kind === 'StaticPod' ? 'system-node-critical' : 'system-cluster-critical',
      restartPolicy: 'Always',
      containers: w.containers.map(c => ({ name: c.name, image: c.image })),
    },
    status: {
      phase: 'Running',
      conditions: ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
      hostIP: `10.40.0.${(parseInt(sha40(node).slice(0, 2), 16) % 200) + 10}`,
      podIP: ip,
      podIPs: [{ ip }],
      startTime: started,
      qosClass: 'Burstable',
      containerStatuses: w.containers.map(c => ({
        name: c.name,
        image: c.image,
        imageID: `${c.image.split(':')[0]}@sha256:${sha40(c.image)}${sha40(c.image).slice(0, 24)}`,
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: started } },
      })),
    },
  });
  for (const c of w.containers) {
    for (const line of systemPodLogLines({ component: w.component, image: c.image, node, now })) logs.append(w.namespace, name, c.name, line);
  }
}
