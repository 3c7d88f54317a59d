import { deepEqual } from '../store/deepEqual';
import { ObjectStore } from '../store/ObjectStore';
import { PodLogs } from '../store/PodLogs';
import { KubeObject, OwnerReference, StoreEvent } from '../store/types';
import { goTime, rfc3339, safeSuffix, sha40 } from './ids';
import { podLogLines } from './podLogLines';
import {
  normaliseReplicas,
  ownedLabels,
  renderOwnedResources,
  SKIPERATOR_API_VERSION,
  SkiperatorAppSpec,
  templateHash,
} from './skiperatorResources';

/** How an app's pods behave beyond what its image decides. */
export type PodBehaviour = { fault?: 'crash-loop' | 'slow-start'; readyAfterMs?: number };

/** What the Skiperator controller of one cluster needs from the world. */
export type SkiperatorControllerOptions = {
  cluster: string;
  skiperatorVersion: string;
  store: ObjectStore;
  logs: PodLogs;
  nodes: string[];
  imageExists(image: string): boolean;
  behaviourOf(namespace: string, app: string): PodBehaviour | undefined;
  /** Whether healthy pods get events and log lines (off at scale to keep seeding cheap). */
  eagerPodDetails: boolean;
  /** Render only Deployment, Service and HPA (big worlds). */
  workloadOnly?: boolean;
  now(): Date;
};

const WORKLOAD_KINDS = new Set(['Deployment', 'Service', 'HorizontalPodAutoscaler']);

type PodState = 'running' | 'starting' | 'image-pull' | 'crash-loop';
type Owned = { apiVersion: string; kind: string; name: string };

/**
 * A stand-in for the Skiperator operator (v2.18 behaviour): renders an Application's owned objects
 * with owner references, runs a ReplicaSet and pods for it (kubelet included: container statuses,
 * events, logs) and writes the Application's SkiperatorStatus.
 */
export class SkiperatorController {
  private readonly owned = new Map<string, Owned[]>();
  private readonly reconciledSpec = new Map<string, unknown>();
  /** Per app: the ReplicaSet hashes and pod names it has made, so reconciling never scans a namespace. */
  private readonly runs = new Map<string, { hashes: string[]; pods: string[] }>();
  /** When each pod started, in ms (creationTimestamp only has seconds). */
  private readonly podStarts = new Map<string, number>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private unsubscribe?: () => void;

  constructor(private readonly opts: SkiperatorControllerOptions) {}

  /** Reacts to Application changes from now on. */
  start(): void {
    this.unsubscribe = this.opts.store.onChange(e => this.onEvent(e));
  }

  stop(): void {
    this.unsubscribe?.();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  /** Bumps restart counts and logs of crash-looping pods (called periodically by the world). */
  tick(): void {
    for (const key of this.runs.keys()) {
      const [ns, name] = key.split('/');
      if (this.opts.behaviourOf(ns, name)?.fault !== 'crash-loop') continue;
      const app = this.opts.store.get(SKIPERATOR_API_VERSION, 'Application', ns, name);
      if (app) this.reconcile(app, { restart: true });
    }
  }

  /** Brings an Application's owned objects, pods and status in line with its spec. */
  reconcile(app: KubeObject, opts: { restart?: boolean } = {}): void {
    const { store } = this.opts;
    const name = app.metadata.name;
    const namespace = app.metadata.namespace ?? 'default';
    const key = `${namespace}/${name}`;
    if (app.metadata.deletionTimestamp) {
      this.remove(namespace, name);
      return;
    }
    // `app` is this controller's own copy and its spec is never mutated, so keeping a reference is safe.
    this.reconciledSpec.set(key, app.spec);
    const spec = app.spec as SkiperatorAppSpec;
    const now = this.opts.now();
    app.metadata.uid = app.metadata.uid ?? store.peek(app.apiVersion, 'Application', namespace, name)?.metadata.uid ?? this.uid(app);
    const owner: OwnerReference = { apiVersion: SKIPERATOR_API_VERSION, kind: 'Application', name, uid: app.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
    const rendered = renderOwnedResources(app, owner).filter(o => !this.opts.workloadOnly || WORKLOAD_KINDS.has(o.kind));
    const previous = this.owned.get(key) ?? [];
    const current: Owned[] = rendered.map(o => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name }));
    for (const gone of previous) {
      if (!current.some(c => c.kind === gone.kind && c.name === gone.name)) store.remove(gone.apiVersion, gone.kind, namespace, gone.name);
    }
    this.owned.set(key, current);

    for (const obj of rendered) obj.metadata.uid = store.peek(obj.apiVersion, obj.kind, namespace, obj.metadata.name)?.metadata.uid ?? this.uid(obj);
    const deployment = rendered.find(o => o.kind === 'Deployment')!;
    const deploymentUid = deployment.metadata.uid ?? '';
    for (const obj of rendered) if (obj !== deployment) this.putKeepingStatus(obj);

    const behaviour = this.opts.behaviourOf(namespace, name);
    const hash = templateHash(spec);
    const replicas = normaliseReplicas(spec.replicas).min;
    const pods = this.runPods(app, spec, hash, replicas, deploymentUid, behaviour, now, opts.restart ?? false);
    const ready = pods.filter(p => p === 'running').length;
    const failing = pods.find(p => p === 'image-pull' || p === 'crash-loop');

    this.writeDeploymentStatus(deployment, replicas, ready, failing, now);
    this.writeStatus(app, rendered, ready, replicas, failing, now);

    if (behaviour?.fault === 'slow-start' && ready < replicas) {
      const wait = Math.max(10, (behaviour.readyAfterMs ?? 30000) - (now.getTime() - (this.firstPodStart(namespace, name) ?? now.getTime())));
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const latest = store.get(SKIPERATOR_API_VERSION, 'Application', namespace, name);
        if (latest) this.reconcile(latest);
      }, wait);
      timer.unref?.();
      this.timers.add(timer);
    }
  }

  /** Deletes everything Skiperator made for an Application. */
  remove(namespace: string, name: string): void {
    const { store, logs } = this.opts;
    const key = `${namespace}/${name}`;
    for (const o of this.owned.get(key) ?? []) store.remove(o.apiVersion, o.kind, namespace, o.name);
    const run = this.runs.get(key);
    for (const hash of run?.hashes ?? []) store.remove('apps/v1', 'ReplicaSet', namespace, `${name}-${hash}`);
    for (const pod of run?.pods ?? []) {
      this.podStarts.delete(`${namespace}/${pod}`);
      store.remove('v1', 'Pod', namespace, pod);
      logs.removePod(namespace, pod);
    }
    this.runs.delete(key);
    this.owned.delete(key);
    this.reconciledSpec.delete(key);
  }

  private onEvent(event: StoreEvent): void {
    const obj = event.object;
    if (obj.kind !== 'Application' || obj.apiVersion.split('/')[0] !== 'skiperator.kartverket.no') return;
    const key = `${obj.metadata.namespace}/${obj.metadata.name}`;
    if (event.type === 'DELETED') {
      this.remove(obj.metadata.namespace ?? 'default', obj.metadata.name);
      return;
    }
    // Our own status writes come back as MODIFIED: only a changed spec (or a deletion) needs work.
    if (!obj.metadata.deletionTimestamp && deepEqual(this.reconciledSpec.get(key), obj.spec)) return;
    this.reconcile(structuredClone(obj));
  }

  private readonly created = new Map<string, number>();

  /** A stable uid: the same run of the same scenario gives every object the same uid. */
  private uid(obj: Pick<KubeObject, 'apiVersion' | 'kind' | 'metadata'>): string {
    const seed = `${this.opts.cluster}/${obj.kind}/${obj.metadata.namespace}/${obj.metadata.name}`;
    const n = (this.created.get(seed) ?? 0) + 1;
    this.created.set(seed, n);
    const h = sha40(`${seed}#${n}`);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
  }

  private putKeepingStatus(obj: KubeObject): KubeObject {
    const existing = this.opts.store.peek(obj.apiVersion, obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (existing?.status !== undefined && obj.status === undefined) obj.status = existing.status;
    return this.opts.store.put(obj);
  }

  private firstPodStart(namespace: string, app: string): number | undefined {
    const first = this.runs.get(`${namespace}/${app}`)?.pods[0];
    return first ? this.podStarts.get(`${namespace}/${first}`) : undefined;
  }

  private podState(spec: SkiperatorAppSpec, behaviour: PodBehaviour | undefined, started: Date, now: Date): PodState {
    if (!this.opts.imageExists(spec.image)) return 'image-pull';
    if (behaviour?.fault === 'crash-loop') return 'crash-loop';
    if (behaviour?.fault === 'slow-start' && now.getTime() - started.getTime() < (behaviour.readyAfterMs ?? 30000)) return 'starting';
    return 'running';
  }

  private runPods(
    app: KubeObject,
    spec: SkiperatorAppSpec,
    hash: string,
    replicas: number,
    deploymentUid: string,
    behaviour: PodBehaviour | undefined,
    now: Date,
    restart: boolean,
  ): PodState[] {
    const { store } = this.opts;
    const name = app.metadata.name;
    const namespace = app.metadata.namespace ?? 'default';
    const rsName = `${name}-${hash}`;
    const labels = { ...ownedLabels(name), 'pod-template-hash': hash };
    const key = `${namespace}/${name}`;
    const run = this.runs.get(key) ?? { hashes: [], pods: [] };
    this.runs.set(key, run);
    // Older ReplicaSets scale to zero and lose their pods, as a rolling update ends.
    for (const old of run.hashes.filter(h => h !== hash)) {
      const rs = store.get('apps/v1', 'ReplicaSet', namespace, `${name}-${old}`);
      if (rs && (rs.spec as { replicas: number }).replicas !== 0) {
        (rs.spec as { replicas: number }).replicas = 0;
        rs.status = { replicas: 0, observedGeneration: (rs.metadata.generation ?? 1) + 1 };
        store.put(rs);
      }
    }
    run.hashes = [...run.hashes.filter(h => h !== hash).slice(-1), hash];
    const rsSpec = {
      replicas,
      selector: { matchLabels: { app: name, 'pod-template-hash': hash } },
      template: { metadata: { labels }, spec: { serviceAccountName: name, containers: [{ name, image: spec.image }] } },
    };
    const existingRs = store.peek('apps/v1', 'ReplicaSet', namespace, rsName);
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace,
        uid: existingRs?.metadata.uid ?? this.uid({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: rsName, namespace } }),
        labels,
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1), 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deploymentUid, controller: true, blockOwnerDeletion: true }],
      },
      spec: rsSpec,
    };
    const rsOwner: OwnerReference = { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rsName, uid: rs.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
    const states: PodState[] = [];
    const wanted = new Set<string>();
    for (let i = 0; i < replicas; i++) {
      const podName = `${rsName}-${safeSuffix(`${rsName}-${i}`, 5)}`;
      wanted.add(podName);
      states.push(this.runPod(app, spec, podName, i, labels, rsOwner, behaviour, now, restart));
    }
    for (const pod of run.pods) {
      if (!wanted.has(pod)) {
        this.podStarts.delete(`${namespace}/${pod}`);
        store.remove('v1', 'Pod', namespace, pod);
        this.opts.logs.removePod(namespace, pod);
      }
    }
    run.pods = [...wanted];
    const ready = states.filter(s => s === 'running').length;
    const rsGeneration = existingRs ? (existingRs.metadata.generation ?? 1) + (deepEqual(existingRs.spec, rs.spec) ? 0 : 1) : 1;
    rs.status = { replicas, fullyLabeledReplicas: replicas, readyReplicas: ready, availableReplicas: ready, observedGeneration: rsGeneration };
    store.put(rs);
    return states;
  }

  private runPod(
    app: KubeObject,
    spec: SkiperatorAppSpec,
    podName: string,
    index: number,
    labels: Record<string, string>,
    owner: OwnerReference,
    behaviour: PodBehaviour | undefined,
    now: Date,
    restart: boolean,
  ): PodState {
    const { store, logs, nodes } = this.opts;
    const name = app.metadata.name;
    const namespace = app.metadata.namespace ?? 'default';
    const existing = store.peek('v1', 'Pod', namespace, podName);
    const startKey = `${namespace}/${podName}`;
    const created = new Date(this.podStarts.get(startKey) ?? (existing?.metadata.creationTimestamp ? Date.parse(existing.metadata.creationTimestamp) : now.getTime()));
    this.podStarts.set(startKey, created.getTime());
    const state = this.podState(spec, behaviour, created, now);
    const prevStatuses = (existing?.status as { containerStatuses?: { restartCount: number }[] } | undefined)?.containerStatuses;
    const restarts = (prevStatuses?.[0]?.restartCount ?? (state === 'crash-loop' ? 4 : 0)) + (restart && state === 'crash-loop' ? 1 : 0);
    const node = nodes[parseInt(sha40(podName).slice(0, 6), 16) % nodes.length];
    const started = rfc3339(created);
    const podIP = `10.${100 + (parseInt(sha40(node).slice(0, 2), 16) % nodes.length)}.0.${(parseInt(sha40(podName).slice(0, 4), 16) % 250) + 2}`;
    const appReady = state === 'running';
    const imageID = `${spec.image.split(':')[0]}@sha256:${sha40(spec.image)}${sha40(spec.image).slice(0, 24)}`;
    const appStatus: Record<string, unknown> = { name, image: spec.image, imageID: state === 'image-pull' ? '' : imageID, ready: appReady, started: state !== 'image-pull', restartCount: restarts };
    if (state === 'image-pull') {
      appStatus.started = false;
      appStatus.state = index % 2 === 0
        ? { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${spec.image}"` } }
        : { waiting: { reason: 'ErrImagePull', message: `rpc error: code = NotFound desc = failed to pull and unpack image "${spec.image}": failed to resolve reference "${spec.image}": ${spec.image}: not found` } };
    } else if (state === 'crash-loop') {
      appStatus.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off 5m0s restarting failed container=${name} pod=${podName}_${namespace}(${owner.uid})` } };
      appStatus.lastState = { terminated: { exitCode: 1, reason: 'Error', startedAt: rfc3339(new Date(now.getTime() - 20000)), finishedAt: rfc3339(new Date(now.getTime() - 5000)) } };
    } else {
      appStatus.state = { running: { startedAt: started } };
    }
    const condition = (type: string, status: boolean, reason?: string) => ({ type, status: status ? 'True' : 'False', lastProbeTime: null, lastTransitionTime: started, ...(reason ? { reason } : {}) });
    const containersReady = appReady;
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: podName,
        namespace,
        labels,
        annotations: { 'sidecar.istio.io/status': '{"initContainers":["istio-init"],"containers":["istio-proxy"]}' },
        ownerReferences: [owner],
      },
      spec: {
        serviceAccountName: name,
        nodeName: node,
        restartPolicy: 'Always',
        containers: [
          { name, image: spec.image, ports: [{ name: 'main', containerPort: spec.port ?? 8080, protocol: 'TCP' }] },
          { name: 'istio-proxy', image: 'gcr.io/gke-release/asm/proxyv2:1.23.4-asm.1', ports: [{ name: 'http-envoy-prom', containerPort: 15090, protocol: 'TCP' }] },
        ],
      },
      status: {
        phase: state === 'image-pull' ? 'Pending' : 'Running',
        conditions: [
          condition('PodReadyToStartContainers', true),
          condition('Initialized', true),
          condition('Ready', containersReady, containersReady ? undefined : 'ContainersNotReady'),
          condition('ContainersReady', containersReady, containersReady ? undefined : 'ContainersNotReady'),
          condition('PodScheduled', true),
        ],
        hostIP: `10.40.0.${(parseInt(sha40(node).slice(0, 2), 16) % 200) + 10}`,
        podIP,
        podIPs: [{ ip: podIP }],
        startTime: started,
        qosClass: 'Burstable',
        containerStatuses: [
          appStatus,
          { name: 'istio-proxy', image: 'gcr.io/gke-release/asm/proxyv2:1.23.4-asm.1', imageID: 'gcr.io/gke-release/asm/proxyv2@sha256:2f1d8f5c2a3a0f7b3e8d1c4b5a69788776655443322110ffeeddccbbaa998877', ready: true, started: true, restartCount: 0, state: { running: { startedAt: started } } },
        ],
      },
    };
    store.put(pod);
    const failing = state === 'image-pull' || state === 'crash-loop';
    if (!existing && (failing || this.opts.eagerPodDetails)) {
      this.writePodEvents(pod, spec.image, state, node, now);
      for (const [container, line] of podLogLines({ app: name, image: spec.image, state, now })) logs.append(namespace, podName, container, line);
      if (state === 'crash-loop') {
        logs.restart(namespace, podName, name);
        for (const [container, line] of podLogLines({ app: name, image: spec.image, state, now })) if (container === name) logs.append(namespace, podName, container, line);
      }
    } else if (restart && state === 'crash-loop') {
      logs.restart(namespace, podName, name);
      for (const [container, line] of podLogLines({ app: name, image: spec.image, state, now })) if (container === name) logs.append(namespace, podName, container, line);
      this.bumpEvent(namespace, podName, 'BackOff', now);
    }
    return state;
  }

  private writePodEvents(pod: KubeObject, image: string, state: PodState, node: string, now: Date): void {
    const name = pod.metadata.name;
    const namespace = pod.metadata.namespace ?? 'default';
    const container = (pod.spec as { containers: { name: string }[] }).containers[0].name;
    const event = (type: 'Normal' | 'Warning', reason: string, message: string, count = 1, component = 'kubelet') =>
      this.opts.store.put({
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${name}.${sha40(`${name}/${reason}/${message}`).slice(0, 16)}`, namespace },
        involvedObject: { apiVersion: 'v1', kind: 'Pod', name, namespace, uid: pod.metadata.uid, fieldPath: component === 'kubelet' ? `spec.containers{${container}}` : undefined },
        reason,
        message,
        type,
        count,
        firstTimestamp: rfc3339(now),
        lastTimestamp: rfc3339(now),
        source: component === 'kubelet' ? { component, host: node } : { component },
        reportingComponent: component,
        reportingInstance: component === 'kubelet' ? node : '',
      });
    event('Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${node}`, 1, 'default-scheduler');
    if (state === 'image-pull') {
      event('Normal', 'Pulling', `Pulling image "${image}"`, 4);
      event('Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${image}": failed to resolve reference "${image}": ${image}: not found`, 4);
      event('Warning', 'Failed', 'Error: ErrImagePull', 4);
      event('Normal', 'BackOff', `Back-off pulling image "${image}"`, 12);
      event('Warning', 'Failed', 'Error: ImagePullBackOff', 12);
      return;
    }
    event('Normal', 'Pulled', `Successfully pulled image "${image}" in 1.204s (1.204s including waiting). Image size: 98234511 bytes.`);
    event('Normal', 'Created', `Created container ${container}`);
    event('Normal', 'Started', `Started container ${container}`);
    if (state === 'crash-loop') event('Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${name}_${namespace}(${pod.metadata.uid})`, 5);
    if (state === 'starting') event('Warning', 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 3);
  }

  private bumpEvent(namespace: string, pod: string, reason: string, now: Date): void {
    for (const e of this.opts.store.scan('v1', 'Event', namespace)) {
      const involved = e.involvedObject as { name: string };
      if (involved.name !== pod || e.reason !== reason) continue;
      const copy = structuredClone(e);
      copy.count = ((copy.count as number) ?? 1) + 1;
      copy.lastTimestamp = rfc3339(now);
      this.opts.store.put(copy);
    }
  }

  private writeDeploymentStatus(deployment: KubeObject, replicas: number, ready: number, failing: PodState | undefined, now: Date): void {
    const { store } = this.opts;
    const existing = store.peek('apps/v1', 'Deployment', deployment.metadata.namespace, deployment.metadata.name);
    const live = deployment;
    live.metadata.generation = existing ? (existing.metadata.generation ?? 1) + (deepEqual(existing.spec, live.spec) ? 0 : 1) : 1;
    const time = rfc3339(now);
    const available = ready >= replicas;
    const prev = (existing?.status as { conditions?: { type: string; status: string; lastTransitionTime: string }[] } | undefined)?.conditions ?? [];
    const since = (type: string, status: string) => prev.find(c => c.type === type && c.status === status)?.lastTransitionTime ?? time;
    const rsName = `${live.metadata.name}-${templateHash(live.spec as never as SkiperatorAppSpec)}`;
    live.status = {
      observedGeneration: live.metadata.generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(ready < replicas ? { unavailableReplicas: replicas - ready } : {}),
      conditions: [
        available
          ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastUpdateTime: time, lastTransitionTime: since('Available', 'True') }
          : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastUpdateTime: time, lastTransitionTime: since('Available', 'False') },
        failing
          ? { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${rsName}" has timed out progressing.`, lastUpdateTime: time, lastTransitionTime: since('Progressing', 'False') }
          : { type: 'Progressing', status: 'True', reason: available ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', message: available ? `ReplicaSet "${rsName}" has successfully progressed.` : `ReplicaSet "${rsName}" is progressing.`, lastUpdateTime: time, lastTransitionTime: since('Progressing', 'True') },
      ],
    };
    store.put(live);
  }

  private writeStatus(app: KubeObject, rendered: KubeObject[], ready: number, replicas: number, failing: PodState | undefined, now: Date): void {
    const { store } = this.opts;
    const existing = store.peek(app.apiVersion, 'Application', app.metadata.namespace, app.metadata.name);
    const live = app;
    live.metadata.generation = existing ? (existing.metadata.generation ?? 1) + (deepEqual(existing.spec, live.spec) ? 0 : 1) : 1;
    const ts = goTime(now);
    const subresources: Record<string, { status: string; message: string; timestamp: string }> = {};
    for (const o of rendered) subresources[`${o.kind}[${o.metadata.name}]`] = { status: 'Synced', message: `${o.kind} has been synced`, timestamp: ts };
    const status: Record<string, unknown> = {
      summary: { status: 'Synced', message: 'All subresources synced', timestamp: ts },
      subresources,
      conditions: [] as unknown[],
      accessPolicies: 'Synced',
      applicationKind: 'Deployment',
    };
    if (supportsReadyCondition(this.opts.skiperatorVersion)) {
      const [condStatus, reason, message] = readyCondition(failing, ready, replicas, (app.spec as SkiperatorAppSpec).image);
      const prev = ((existing?.status as { conditions?: { type: string; status: string; reason: string; lastTransitionTime: string }[] } | undefined)?.conditions ?? []).find(c => c.type === 'Ready');
      status.conditions = [
        {
          type: 'Ready',
          status: condStatus,
          reason,
          message,
          observedGeneration: live.metadata.generation,
          lastTransitionTime: prev && prev.status === condStatus && prev.reason === reason ? prev.lastTransitionTime : rfc3339(now),
        },
      ];
    }
    live.status = status;
    store.put(live);
  }
}

/** Whether a Skiperator release writes the standard Ready condition (from v2.18). */
export function supportsReadyCondition(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return !!m && (Number(m[1]) > 2 || (Number(m[1]) === 2 && Number(m[2]) >= 18));
}

function readyCondition(failing: PodState | undefined, ready: number, replicas: number, image: string): [string, string, string] {
  if (failing === 'image-pull') return ['False', 'ContainerImageNotFound', `Image "${image}" could not be pulled`];
  if (failing === 'crash-loop') return ['False', 'CrashLoopBackOff', 'A container keeps crashing'];
  if (ready < replicas) return ['Unknown', 'Reconciling', `${ready} of ${replicas} pods ready`];
  return ['True', 'Reconciled', 'Application is ready'];
}
