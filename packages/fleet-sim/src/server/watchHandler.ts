import { ServerResponse } from 'node:http';
import { ObjectStore } from '../store/ObjectStore';
import { KubeObject, StoreEvent } from '../store/types';
import { ClusterResources } from './ClusterResources';
import { expired, failureStatus } from './KubeStatusError';
import { apiVersionOf, ResourceType } from './resources';
import { Selector } from './selectors';
import { renderTable, tableContentType } from './table';

/** What a watch request asked for. */
export type WatchRequest = {
  type: ResourceType;
  namespace?: string;
  selectors: Selector[];
  resourceVersion?: string;
  allowBookmarks: boolean;
  timeoutSeconds?: number;
  /** the Accept header, when it asks for Table rows */
  tableAccept?: string;
  /** close the stream after this many ms (the dropped-watches fault) */
  dropAfterMs?: number;
  /** close the stream after this many ms when the client set no timeoutSeconds (the server's request timeout) */
  lifetimeMs?: number;
  /** answer resumption with 410 (the expired-resourceVersions fault) */
  expireResourceVersions: boolean;
};

/** A running watch stream, so faults can cut it. */
export type OpenWatch = { startedAt: number; close(): void; closed: Promise<unknown> };

const HEARTBEAT_MS = 10_000;
const BOOKMARK_MS = 60_000;

/**
 * Streams a watch as newline-delimited JSON: synthetic ADDED for RV unset/0, replay after RV=N or
 * an ERROR event with a 410 Status when the history no longer reaches back, then live changes. A bare newline every 10 s keeps
 * client-node's 30 s inactivity timeout from firing.
 */
export function serveWatch(resources: ClusterResources, req: WatchRequest, res: ServerResponse): OpenWatch | undefined {
  const { type, namespace, selectors } = req;
  const store: ObjectStore = resources.store;
  const apiVersion = apiVersionOf(type);
  const rv = req.resourceVersion;
  const resumes = rv !== undefined && rv !== '' && rv !== '0';

  let replay: { type: StoreEvent['type']; object: KubeObject }[];
  if (resumes) {
    const n = Number(rv);
    const events = req.expireResourceVersions || !Number.isFinite(n) ? undefined : store.eventsSince(n);
    if (!events) {
      // As the real API server's watch cache does: 200, one ERROR event with the 410 Status, end.
      const status = expired(rv, store.currentResourceVersion()).toStatus();
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
      res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
      return undefined;
    }
    replay = events;
  } else {
    replay = resources.select(type, namespace, []).map(object => ({ type: 'ADDED' as const, object }));
  }

  res.writeHead(200, {
    'Content-Type': req.tableAccept ? tableContentType(req.tableAccept) : 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();

  let columnsSent = false;
  const matches = (obj: KubeObject) =>
    obj.kind === type.kind &&
    sameGroup(obj.apiVersion, apiVersion) &&
    (namespace === undefined || obj.metadata.namespace === namespace) &&
    selectors.every(s => s(obj));
  const send = (eventType: string, object: KubeObject) => {
    const presented = resources.present(type, object);
    const payload = req.tableAccept
      ? renderTable(type, [presented], { withColumns: !columnsSent })
      : presented;
    columnsSent = true;
    res.write(`${JSON.stringify({ type: eventType, object: payload })}\n`);
  };

  for (const event of replay) if (matches(event.object)) send(event.type, event.object);

  const unsubscribe = store.onChange(event => {
    if (matches(event.object)) send(event.type, event.object);
  });
  const timers: NodeJS.Timeout[] = [];
  const close = () => {
    unsubscribe();
    for (const t of timers) clearTimeout(t);
    if (!res.writableEnded) res.end();
  };
  timers.push(setInterval(() => res.write('\n'), HEARTBEAT_MS));
  if (req.allowBookmarks) {
    timers.push(
      setInterval(() => {
        const bookmark = { kind: type.kind, apiVersion, metadata: { resourceVersion: store.currentResourceVersion() } };
        res.write(`${JSON.stringify({ type: 'BOOKMARK', object: bookmark })}\n`);
      }, BOOKMARK_MS),
    );
  }
  if (req.timeoutSeconds && req.timeoutSeconds > 0) timers.push(setTimeout(close, req.timeoutSeconds * 1000));
  // A real API server ends watches without timeoutSeconds after its request timeout, randomised to
  // [1x, 2x) so clients do not reconnect in step; the re-watch is what meets an expired history.
  else if (req.lifetimeMs !== undefined) timers.push(setTimeout(close, req.lifetimeMs * (1 + Math.random())));
  // Ended cleanly, like an API server closing a watch: clients re-watch from their last RV. (A torn
  // connection would make client-node's informer stop for good, which is the `down` fault's job.)
  if (req.dropAfterMs !== undefined) timers.push(setTimeout(close, req.dropAfterMs));
  res.on('close', close);
  return { startedAt: Date.now(), close, closed: new Promise(resolve => res.on('close', resolve)) };
}

function sameGroup(a: string, b: string): boolean {
  const group = (v: string) => (v.includes('/') ? v.slice(0, v.indexOf('/')) : '');
  return group(a) === group(b);
}

/** An ERROR event body, for streams that must end with a Status instead of an HTTP error. */
export function errorEvent(code: number, message: string): string {
  return `${JSON.stringify({ type: 'ERROR', object: failureStatus(code, message) })}\n`;
}
