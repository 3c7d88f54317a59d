import { ServerResponse } from 'node:http';
import { ClusterResources } from './ClusterResources';
import { badRequest, notFound } from './KubeStatusError';

/** What a pods/log request asked for. */
export type PodLogRequest = {
  namespace: string;
  pod: string;
  /** unset, empty or the literal 'undefined' (client-node's quirk) mean the default container */
  container?: string;
  tailLines?: number;
  follow: boolean;
  previous: boolean;
};

/**
 * Serves a container's log as text/plain; with follow, keeps writing new lines until the client
 * goes or the pod is deleted.
 */
export function servePodLog(resources: ClusterResources, req: PodLogRequest, res: ServerResponse): void {
  const pod = resources.store.peek('v1', 'Pod', req.namespace, req.pod);
  if (!pod) throw notFound('pods', '', req.pod);
  const spec = (pod.spec ?? {}) as { containers?: { name: string }[]; initContainers?: { name: string }[] };
  const names = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].map(c => c.name);
  let container = req.container;
  if (!container || container === 'undefined') {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated && names.includes(annotated) ? annotated : spec.containers?.[0]?.name;
    if (!container) throw badRequest(`a container name must be specified for pod ${req.pod}`);
  }
  if (!names.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${req.pod}`);
  }
  const logs = resources.logs;
  if (req.previous && !logs.hasPrevious(req.namespace, req.pod, container)) {
    throw badRequest(`previous terminated container "${container}" in pod "${req.pod}" not found`);
  }
  const lines = logs.read(req.namespace, req.pod, container, { tailLines: req.tailLines, previous: req.previous });
  res.writeHead(200, { 'Content-Type': 'text/plain', ...(req.follow ? { 'Transfer-Encoding': 'chunked' } : {}) });
  const text = lines.map(l => `${l}\n`).join('');
  if (!req.follow || req.previous) {
    res.end(text);
    return;
  }
  if (text) res.write(text);
  const stopFollowing = logs.follow(req.namespace, req.pod, container, line => res.write(`${line}\n`));
  const stopWatchingPod = resources.store.onChange(event => {
    const o = event.object;
    if (event.type === 'DELETED' && o.kind === 'Pod' && o.metadata.namespace === req.namespace && o.metadata.name === req.pod) {
      res.end();
    }
  });
  res.on('close', () => {
    stopFollowing();
    stopWatchingPod();
  });
}
