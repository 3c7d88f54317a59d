import { timingSafeEqual } from 'node:crypto';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { ARGO_API_VERSION } from '../controllers/ArgoCdController';
import type { ObjectStore } from '../store/ObjectStore';
import { managedResources, ManagedResourcesWorld } from './managedResources';

/** ArgoCdApiServer.start options. */
export type ArgoCdApiServerOptions = {
  /** The instance's name (for messages). */
  instance: string;
  /** The namespace its Applications live in. */
  namespace: string;
  /** The store of the cluster the instance runs on. */
  store: ObjectStore;
  world: ManagedResourcesWorld;
  /** The bearer token every request must carry (a project role's JWT in a real instance). */
  token: string;
};

const MANAGED_RESOURCES =
  /^\/api\/v1\/applications\/([^/]+)\/managed-resources\/?$/;

/**
 * The few routes of one Argo CD instance's REST API the portal calls, over plain loopback HTTP,
 * answering as Argo CD's grpc-gateway does (errors are `{ error, code, message }` with gRPC codes).
 */
export class ArgoCdApiServer {
  private constructor(
    private readonly server: http.Server,
    private readonly opts: ArgoCdApiServerOptions,
  ) {}

  /** Starts on 127.0.0.1 at any free port. */
  static async start(opts: ArgoCdApiServerOptions): Promise<ArgoCdApiServer> {
    const server = http.createServer();
    const api = new ArgoCdApiServer(server, opts);
    server.on('request', (req: IncomingMessage, res: ServerResponse) =>
      api.handle(req, res),
    );
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return api;
  }

  /** http://127.0.0.1:<port>, the instance's API base URL. */
  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(text),
      });
      res.end(text);
    };
    const fail = (status: number, code: number, message: string) =>
      send(status, { error: message, code, message });

    if (!this.authorized(req.headers.authorization)) {
      fail(401, 16, 'no session information');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = MANAGED_RESOURCES.exec(url.pathname);
    if (!match || req.method !== 'GET') {
      fail(404, 5, `Not Found: ${req.method} ${url.pathname}`);
      return;
    }
    const name = decodeURIComponent(match[1]);
    const appNamespace = url.searchParams.get('appNamespace');
    const app =
      !appNamespace || appNamespace === this.opts.namespace
        ? this.opts.store.get(
            ARGO_API_VERSION,
            'Application',
            this.opts.namespace,
            name,
          )
        : undefined;
    if (!app) {
      fail(404, 5, `applications.argoproj.io "${name}" not found`);
      return;
    }
    send(200, { items: managedResources(app, this.opts.world) });
  }

  private authorized(header: string | undefined): boolean {
    const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '');
    const expected = Buffer.from(this.opts.token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
