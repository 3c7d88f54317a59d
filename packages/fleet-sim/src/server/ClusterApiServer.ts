import { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import { AddressInfo, Socket } from 'node:net';
import { parse as parseYaml } from 'yaml';
import { ClusterFaults } from '../faults/ClusterFaults';
import { KubeObject } from '../store/types';
import { SimTls } from '../tls/generateTls';
import { ClusterResources, PatchType, WriteOptions } from './ClusterResources';
import {
  aggregatedDiscovery,
  AGGREGATED_CONTENT_TYPE,
  apiGroupInfo,
  apiGroupList,
  apiResourceList,
  apiVersions,
  wantsAggregated,
} from './discovery';
import { badRequest, failureStatus, KubeStatusError } from './KubeStatusError';
import { openApiGroupVersion, openApiIndex } from './openapi';
import { servePodLog } from './podLogHandler';
import { decodeProtobuf, isProtobuf } from './protobuf';
import { apiVersionOf, ResourceRegistry, ResourceType } from './resources';
import { parseFieldSelector, parseLabelSelector, Selector } from './selectors';
import { IncludeObject, renderTable, tableContentType, wantsTable } from './table';
import { versionInfo } from './versionInfo';
import { OpenWatch, serveWatch } from './watchHandler';

/** How a cluster's API server is set up. */
export type ClusterApiServerOptions = {
  name: string;
  token: string;
  tls: SimTls;
  resources: ClusterResources;
  /** read on every request, so faults switch at run time */
  faults: () => ClusterFaults;
  kubernetesVersion: () => string;
  /** how long a watch without timeoutSeconds stays open (randomised up to 2x); unset: until the client leaves */
  watchLifetimeMs?: number;
  /** 0 or unset: any free port */
  port?: number;
};

type Target = {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: string;
};

const MAX_BODY = 16 * 1024 * 1024;

function flag(query: URLSearchParams, name: string): boolean {
  // As apimachinery converts query booleans: missing, "false" and "0" are false; anything else, even "", is true.
  const value = query.get(name);
  return value !== null && value !== 'false' && value !== '0';
}

function intParam(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badRequest(`invalid ${name}: ${value}`);
  return n;
}

function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendStatus(res: ServerResponse, error: KubeStatusError): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, error.code, error.toStatus());
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new KubeStatusError(413, 'Request entity too large', 'RequestEntityTooLarge');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseObjectBody(body: Buffer, contentType: string | undefined): KubeObject {
  if (isProtobuf(contentType)) return decodeProtobuf(body);
  const text = body.toString('utf8');
  try {
    if (contentType?.includes('yaml')) return parseYaml(text) as KubeObject;
    return JSON.parse(text) as KubeObject;
  } catch (error) {
    throw badRequest(`the body of the request could not be decoded: ${(error as Error).message}`);
  }
}

function patchTypeOf(contentType: string | undefined): PatchType {
  const base = (contentType ?? '').split(';')[0].trim();
  switch (base) {
    case 'application/apply-patch+yaml':
    case 'application/apply-patch+json':
    case 'application/apply-patch+cbor':
      return 'apply';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/json-patch+json':
      return 'json';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    default:
      throw new KubeStatusError(
        415,
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`,
        'UnsupportedMediaType',
      );
  }
}

/**
 * One simulated cluster's kube-apiserver: HTTPS on its own port, bearer-token auth, discovery,
 * OpenAPI v3, CRUD/patch/apply/watch on the registry's resources, pods/log, and the cluster's
 * faults applied to every request.
 */
export class ClusterApiServer {
  private server?: https.Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<OpenWatch>();
  private constructor(
    private readonly opts: ClusterApiServerOptions,
    private boundPort: number,
  ) {}

  /** Starts listening on 127.0.0.1. */
  static async start(opts: ClusterApiServerOptions): Promise<ClusterApiServer> {
    const server = new ClusterApiServer(opts, opts.port ?? 0);
    await server.open();
    return server;
  }

  /** The port, kept across close/open so a cluster comes back where it was. */
  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `https://127.0.0.1:${this.boundPort}`;
  }

  get listening(): boolean {
    return !!this.server?.listening;
  }

  private get registry(): ResourceRegistry {
    return this.opts.resources.registry;
  }

  /** Opens the listener (again) on the same port. */
  async open(): Promise<void> {
    if (this.server) return;
    const server = https.createServer(
      { cert: this.opts.tls.certPem, key: this.opts.tls.keyPem, keepAliveTimeout: 5000 },
      (req, res) => {
        this.handle(req, res).catch(error => {
          sendStatus(res, error instanceof KubeStatusError ? error : new KubeStatusError(500, String((error as Error)?.message ?? error)));
        });
      },
    );
    server.on('connection', socket => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('secureConnection', socket => socket.setNoDelay(true));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.boundPort = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Closes the listener and every open connection: clients see ECONNREFUSED / ECONNRESET. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>(resolve => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await closed;
  }

  /** Ends open watches once they have run `afterMs` (the dropped-watches fault switched on). */
  dropWatches(afterMs: number): void {
    for (const watch of this.watches) {
      setTimeout(() => watch.close(), Math.max(0, watch.startedAt + afterMs - Date.now()));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const faults = this.opts.faults();
    if (faults.latencyMs > 0) await new Promise(r => setTimeout(r, faults.latencyMs));
    if (faults.errorStatus) {
      sendJson(res, faults.errorStatus, failureStatus(faults.errorStatus, `fleet-sim: injected fault on cluster ${this.opts.name}`));
      return;
    }
    if (req.headers.authorization !== `Bearer ${this.opts.token}`) {
      sendJson(res, 401, failureStatus(401, 'Unauthorized'));
      return;
    }
    const url = new URL(req.url ?? '/', 'https://localhost');
    // Backstage's proxy can produce '//api/...' from a bare cluster URL.
    let path = url.pathname.replace(/\/{2,}/g, '/');
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const segs = path.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';
    const accept = req.headers.accept;

    if (method === 'GET' && this.serveNonResource(segs, path, url.searchParams, accept, res)) return;

    const target = this.resolve(segs);
    if (!target) {
      throw new KubeStatusError(404, 'the server could not find the requested resource', 'NotFound', {});
    }
    await this.serveResource(method, target, url.searchParams, req, res);
  }

  private serveNonResource(segs: string[], path: string, query: URLSearchParams, accept: string | undefined, res: ServerResponse): boolean {
    const registry = this.registry;
    if (path === '/version') {
      sendJson(res, 200, versionInfo(this.opts.kubernetesVersion()));
    } else if (path === '/healthz' || path === '/livez' || path === '/readyz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end('ok');
    } else if (path === '/api' || path === '/apis') {
      const core = path === '/api';
      if (wantsAggregated(accept)) sendJson(res, 200, aggregatedDiscovery(registry, core), AGGREGATED_CONTENT_TYPE);
      else sendJson(res, 200, core ? apiVersions(`127.0.0.1:${this.port}`) : apiGroupList(registry));
    } else if (segs[0] === 'api' && segs.length === 2) {
      return this.sendOr404(res, apiResourceList(registry, '', segs[1]));
    } else if (segs[0] === 'apis' && segs.length === 2) {
      return this.sendOr404(res, apiGroupInfo(registry, segs[1]));
    } else if (segs[0] === 'apis' && segs.length === 3) {
      return this.sendOr404(res, apiResourceList(registry, segs[1], segs[2]));
    } else if (path === '/openapi/v3') {
      sendJson(res, 200, openApiIndex(registry));
    } else if (segs[0] === 'openapi' && segs[1] === 'v3') {
      const gv = segs.slice(2);
      let doc: Record<string, unknown> | undefined;
      if (gv[0] === 'api') doc = openApiGroupVersion(registry, '', gv[1]);
      else if (gv[0] === 'apis') doc = openApiGroupVersion(registry, gv[1], gv[2]);
      return this.sendOr404(res, doc);
    } else {
      void query;
      return false;
    }
    return true;
  }

  private sendOr404(res: ServerResponse, body: Record<string, unknown> | undefined): boolean {
    if (!body) throw new KubeStatusError(404, 'the server could not find the requested resource', 'NotFound', {});
    sendJson(res, 200, body);
    return true;
  }

  private resolve(segs: string[]): Target | undefined {
    let group: string;
    let version: string;
    let rest: string[];
    if (segs[0] === 'api' && segs.length >= 3) {
      group = '';
      version = segs[1];
      rest = segs.slice(2);
    } else if (segs[0] === 'apis' && segs.length >= 4) {
      group = segs[1];
      version = segs[2];
      rest = segs.slice(3);
    } else {
      return undefined;
    }
    if (rest[0] === 'namespaces' && rest.length >= 3) {
      const type = this.registry.find(group, version, rest[2]);
      if (type?.namespaced && rest.length <= 5) {
        return { type, namespace: rest[1], name: rest[3], subresource: rest[4] };
      }
    }
    const type = this.registry.find(group, version, rest[0]);
    if (!type || rest.length > 3) return undefined;
    if (type.namespaced && rest.length > 1) return undefined;
    return { type, name: rest[1], subresource: rest[2] };
  }

  private async serveResource(method: string, target: Target, query: URLSearchParams, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { type, namespace, name, subresource } = target;
    const resources = this.opts.resources;
    const accept = req.headers.accept;
    const contentType = req.headers['content-type'];
    const writeOpts: WriteOptions = {
      fieldManager: query.get('fieldManager') || undefined,
      dryRun: query.getAll('dryRun').includes('All'),
      subresource,
    };
    const managerOrAgent = () => writeOpts.fieldManager ?? String(req.headers['user-agent'] ?? 'unknown').split('/')[0];
    const reply = (code: number, obj: KubeObject) => {
      if (wantsTable(accept) && method === 'GET') {
        sendJson(res, code, renderTable(type, [obj], { resourceVersion: obj.metadata.resourceVersion }), tableContentType(accept));
      } else sendJson(res, code, obj);
    };

    if (subresource) {
      if (subresource === 'log' && type.kind === 'Pod' && type.group === '' && method === 'GET' && name && namespace) {
        servePodLog(
          resources,
          {
            namespace,
            pod: name,
            container: query.get('container') ?? undefined,
            tailLines: intParam(query, 'tailLines'),
            follow: flag(query, 'follow'),
            previous: flag(query, 'previous'),
          },
          res,
        );
        return;
      }
      if (subresource !== 'status' || !type.status || !name) {
        throw new KubeStatusError(404, 'the server could not find the requested resource', 'NotFound', {});
      }
    }

    if (!name) {
      if (method === 'GET') {
        this.listOrWatch(type, namespace, query, accept, res);
        return;
      }
      if (method === 'POST') {
        const body = parseObjectBody(await readBody(req), contentType);
        const created = resources.create(type, namespace, body, { ...writeOpts, fieldManager: managerOrAgent() });
        sendJson(res, 201, created);
        return;
      }
      if (method === 'DELETE') {
        const selectors = this.selectors(query);
        const doomed = resources.select(type, namespace, selectors);
        for (const obj of doomed) resources.delete(type, obj.metadata.namespace, obj.metadata.name, { dryRun: writeOpts.dryRun });
        sendJson(res, 200, { kind: `${type.kind}List`, apiVersion: apiVersionOf(type), metadata: {}, items: doomed });
        return;
      }
      throw new KubeStatusError(405, `the server does not allow this method on the requested resource`, 'MethodNotAllowed');
    }

    switch (method) {
      case 'GET':
        reply(200, resources.get(type, namespace, name));
        return;
      case 'PUT': {
        const body = parseObjectBody(await readBody(req), contentType);
        reply(200, resources.update(type, namespace, name, body, { ...writeOpts, fieldManager: managerOrAgent() }));
        return;
      }
      case 'PATCH': {
        const patchType = patchTypeOf(contentType);
        const raw = (await readBody(req)).toString('utf8');
        let body: unknown;
        try {
          body = patchType === 'apply' ? parseYaml(raw) : JSON.parse(raw);
        } catch (error) {
          throw badRequest(`error decoding patch: ${(error as Error).message}`);
        }
        const { object, created } = resources.patch(type, namespace, name, patchType, body, {
          ...writeOpts,
          fieldManager: patchType === 'apply' ? writeOpts.fieldManager : managerOrAgent(),
          force: flag(query, 'force'),
        });
        reply(created ? 201 : 200, object);
        return;
      }
      case 'DELETE': {
        if (subresource) break;
        const raw = (await readBody(req)).toString('utf8');
        let options: { propagationPolicy?: string; dryRun?: string[]; preconditions?: { uid?: string; resourceVersion?: string } } = {};
        if (raw.trim()) {
          try {
            options = JSON.parse(raw);
          } catch {
            throw badRequest('the body of the request could not be decoded as DeleteOptions');
          }
        }
        const { object, pending } = resources.delete(type, namespace, name, {
          dryRun: writeOpts.dryRun || !!options.dryRun?.includes('All'),
          propagationPolicy: query.get('propagationPolicy') ?? options.propagationPolicy,
          preconditionUid: options.preconditions?.uid,
          preconditionResourceVersion: options.preconditions?.resourceVersion,
        });
        if (pending) {
          sendJson(res, 200, object);
        } else {
          sendJson(res, 200, {
            kind: 'Status',
            apiVersion: 'v1',
            metadata: {},
            status: 'Success',
            details: { name, ...(type.group ? { group: type.group } : {}), kind: type.resource, uid: object.metadata.uid },
          });
        }
        return;
      }
      default:
        break;
    }
    throw new KubeStatusError(405, `the server does not allow this method on the requested resource`, 'MethodNotAllowed');
  }

  private selectors(query: URLSearchParams): Selector[] {
    return [parseLabelSelector(query.get('labelSelector') ?? undefined), parseFieldSelector(query.get('fieldSelector') ?? undefined)].filter(
      (s): s is Selector => !!s,
    );
  }

  private listOrWatch(type: ResourceType, namespace: string | undefined, query: URLSearchParams, accept: string | undefined, res: ServerResponse): void {
    const resources = this.opts.resources;
    const selectors = this.selectors(query);
    if (flag(query, 'watch')) {
      const faults = this.opts.faults();
      const watch = serveWatch(
        resources,
        {
          type,
          namespace,
          selectors,
          resourceVersion: query.get('resourceVersion') ?? undefined,
          allowBookmarks: flag(query, 'allowWatchBookmarks'),
          timeoutSeconds: intParam(query, 'timeoutSeconds'),
          tableAccept: wantsTable(accept) ? accept : undefined,
          dropAfterMs: faults.dropWatchesAfterMs,
          lifetimeMs: this.opts.watchLifetimeMs,
          expireResourceVersions: faults.expireResourceVersions,
        },
        res,
      );
      if (watch) {
        this.watches.add(watch);
        void watch.closed.then(() => this.watches.delete(watch));
      }
      return;
    }
    const page = resources.list(type, namespace, selectors, intParam(query, 'limit'), query.get('continue') ?? undefined);
    if (wantsTable(accept)) {
      const include = (query.get('includeObject') ?? 'Metadata') as IncludeObject;
      sendJson(
        res,
        200,
        renderTable(type, page.items, { resourceVersion: page.resourceVersion, continueToken: page.continueToken, includeObject: include }),
        tableContentType(accept),
      );
      return;
    }
    sendJson(res, 200, {
      kind: `${type.kind}List`,
      apiVersion: apiVersionOf(type),
      metadata: {
        resourceVersion: page.resourceVersion,
        ...(page.continueToken ? { continue: page.continueToken, remainingItemCount: page.remainingItemCount } : {}),
      },
      items: page.items,
    });
  }
}
