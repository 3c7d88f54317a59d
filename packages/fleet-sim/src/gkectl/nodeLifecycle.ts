import { rfc3339 } from '../controllers/ids';
import type { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';

type Condition = { type: string; status: string; reason?: string; message?: string; lastHeartbeatTime?: string; lastTransitionTime?: string };
type NodeStatus = { conditions: Condition[]; nodeInfo: Record<string, string> };
type Taint = { key: string; effect: string; timeAdded?: string };

const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

function update(store: ObjectStore, name: string, change: (node: KubeObject, status: NodeStatus, spec: { unschedulable?: boolean; taints?: Taint[] }) => void): void {
  const node = store.get('v1', 'Node', undefined, name);
  if (!node) return;
  node.spec = node.spec ?? {};
  change(node, node.status as NodeStatus, node.spec as { unschedulable?: boolean; taints?: Taint[] });
  store.put(node);
}

function setTaint(spec: { taints?: Taint[] }, key: string, on: boolean, at: Date): void {
  const rest = (spec.taints ?? []).filter(t => t.key !== key);
  const next = on ? [...rest, { key, effect: 'NoSchedule', timeAdded: rfc3339(at) }] : rest;
  if (next.length) spec.taints = next;
  else delete spec.taints;
}

/** Cordons a node, as `kubectl cordon` does: spec.unschedulable and the unschedulable taint. */
export function cordonNode(store: ObjectStore, name: string, at: Date): void {
  update(store, name, (_n, _s, spec) => {
    spec.unschedulable = true;
    setTaint(spec, UNSCHEDULABLE_TAINT, true, at);
  });
}

/** Uncordons a node. */
export function uncordonNode(store: ObjectStore, name: string, at: Date): void {
  update(store, name, (_n, _s, spec) => {
    delete spec.unschedulable;
    setTaint(spec, UNSCHEDULABLE_TAINT, false, at);
  });
}

/** Marks a node's kubelet as gone (the VM is being replaced): Ready Unknown, as the node controller reports it. */
export function markNodeNotReady(store: ObjectStore, name: string, at: Date): void {
  update(store, name, (_n, status, spec) => {
    const time = rfc3339(at);
    status.conditions = status.conditions.map(c =>
      c.type === 'Ready'
        ? { ...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: time }
        : c,
    );
    setTaint(spec, UNREACHABLE_TAINT, true, at);
  });
}

/** Brings a node back with a kubelet at `kubeletVersion`: Ready True. */
export function markNodeReady(store: ObjectStore, name: string, kubeletVersion: string, at: Date): void {
  update(store, name, (_n, status, spec) => {
    const time = rfc3339(at);
    status.nodeInfo.kubeletVersion = kubeletVersion;
    status.nodeInfo.kubeProxyVersion = kubeletVersion;
    status.conditions = status.conditions.map(c =>
      c.type === 'Ready'
        ? { ...c, status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: time, lastTransitionTime: c.status === 'True' ? c.lastTransitionTime : time }
        : { ...c, lastHeartbeatTime: time },
    );
    setTaint(spec, UNREACHABLE_TAINT, false, at);
  });
}

/** Whether a node is Ready, schedulable and runs `kubeletVersion` (nothing left to upgrade). */
export function nodeIsAt(store: ObjectStore, name: string, kubeletVersion: string): boolean {
  const node = store.peek('v1', 'Node', undefined, name);
  if (!node) return true;
  const status = node.status as NodeStatus;
  const ready = status.conditions.some(c => c.type === 'Ready' && c.status === 'True');
  return ready && !(node.spec as { unschedulable?: boolean } | undefined)?.unschedulable && status.nodeInfo.kubeletVersion === kubeletVersion;
}
