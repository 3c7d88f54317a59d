import type { ScenarioCluster } from '../scenario/scenarioSchema';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject } from '../store/types';
import { rfc3339 } from './ids';

/** API version of GKE on VMware's cluster objects in the admin cluster. */
export const ONPREM_API_VERSION = 'onprem.cluster.gke.io/v1alpha1';
/** Where GKE on VMware keeps them. */
export const ONPREM_NAMESPACE = 'kube-system';

/** Lifecycle states, as `gkectl list clusters`/the On-Prem API report them. */
export type OnPremState = 'RUNNING' | 'UPGRADING' | 'ERROR';

const READY_REASONS: Record<OnPremState, string> = { RUNNING: 'ClusterRunning', UPGRADING: 'Upgrading', ERROR: 'UpgradeFailed' };

function status(version: string, kubernetesVersion: string, state: OnPremState, at: Date, message = ''): Record<string, unknown> {
  const time = rfc3339(at);
  return {
    state,
    version,
    kubernetesVersion,
    conditions: [
      {
        type: 'Ready',
        status: state === 'RUNNING' ? 'True' : 'False',
        reason: READY_REASONS[state],
        message,
        lastTransitionTime: time,
      },
    ],
    lastUpdateTime: time,
  };
}

/** The OnPremUserCluster object for a user cluster (lives in its admin cluster). */
export function onPremUserClusterObject(user: ScenarioCluster, at: Date): KubeObject {
  return {
    apiVersion: ONPREM_API_VERSION,
    kind: 'OnPremUserCluster',
    metadata: { name: user.name, namespace: ONPREM_NAMESPACE, labels: { 'onprem.cluster.gke.io/cluster-name': user.name } },
    spec: {
      gkeOnPremVersion: user.platformVersion,
      adminClusterName: user.adminCluster,
      enableControlplaneV2: user.controlPlane === 'controlplane-v2',
      enableDataplaneV2: true,
      nodePools: [{ name: 'pool-1', replicas: user.nodes, cpus: 8, memoryMB: 32768 }],
    },
    status: status(user.platformVersion, user.kubernetesVersion, 'RUNNING', at),
  };
}

/** The OnPremAdminCluster object for an admin cluster (lives in itself). */
export function onPremAdminClusterObject(admin: ScenarioCluster, at: Date): KubeObject {
  return {
    apiVersion: ONPREM_API_VERSION,
    kind: 'OnPremAdminCluster',
    metadata: { name: admin.name, namespace: ONPREM_NAMESPACE },
    spec: { gkeOnPremVersion: admin.platformVersion, enableControlplaneV2: admin.controlPlane === 'controlplane-v2' },
    status: status(admin.platformVersion, admin.kubernetesVersion, 'RUNNING', at),
  };
}

/** Updates an on-prem cluster object's version and state (gkectl upgrades do this). */
export function setOnPremClusterState(
  store: ObjectStore,
  kind: 'OnPremUserCluster' | 'OnPremAdminCluster',
  name: string,
  change: { version?: string; kubernetesVersion?: string; state: OnPremState; message?: string },
  at: Date,
): void {
  const obj = store.get(ONPREM_API_VERSION, kind, ONPREM_NAMESPACE, name);
  if (!obj) return;
  const spec = obj.spec as Record<string, unknown>;
  const prev = obj.status as { version: string; kubernetesVersion: string };
  if (change.version) spec.gkeOnPremVersion = change.version;
  obj.status = status(change.version ?? prev.version, change.kubernetesVersion ?? prev.kubernetesVersion, change.state, at, change.message);
  store.put(obj);
}
