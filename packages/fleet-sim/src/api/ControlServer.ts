import http, { IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/** A control API request as a route handler sees it. */
export type ControlRequest = { params: Record<string, string>; body: unknown; query: Record<string, string> };

/** A control API route handler; a thrown ControlError becomes its status, anything else a 500. */
export type ControlHandler = (req: ControlRequest) => Promise<{ status?: number; body: unknown }>;

/** An error with the HTTP status the control API answers. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ControlError';
  }
}

type Route = { method: string; pattern: RegExp; keys: string[]; handler: ControlHandler };

/** The simulator's loopback-only control API: plain HTTP JSON with a tiny router. */
export class ControlServer {
  private readonly routes: Route[] = [];

  private constructor(private readonly server: http.Server) {}

  /** Starts on 127.0.0.1 (port 0: any free port). */
  static async start(port = 0): Promise<ControlServer> {
    const server = http.createServer();
    const control = new ControlServer(server);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      void control.handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    return control;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Registers a route; `path` may hold `:param` segments. Later registrations of the same route win. */
  route(method: string, path: string, handler: ControlHandler): void {
    const keys: string[] = [];
    const source = path
      .split('/')
      .map(seg => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.unshift({ method: method.toUpperCase(), pattern: new RegExp(`^${source}/?$`), keys, handler });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>(resolve => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body ?? null);
      res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
      res.end(text);
    };
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let pathMatched = false;
      for (const route of this.routes) {
        const m = route.pattern.exec(url.pathname);
        if (!m) continue;
        pathMatched = true;
        if (route.method !== req.method) continue;
        const params = Object.fromEntries(route.keys.map((k, i) => [k, decodeURIComponent(m[i + 1])]));
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try {
          body = raw.trim() ? JSON.parse(raw) : undefined;
        } catch {
          throw new ControlError(400, 'request body is not JSON');
        }
        const result = await route.handler({ params, body, query: Object.fromEntries(url.searchParams) });
        send(result.status ?? 200, result.body);
        return;
      }
      send(pathMatched ? 405 : 404, { error: pathMatched ? `method ${req.method} not allowed` : `no route ${url.pathname}` });
    } catch (error) {
      if (error instanceof ControlError) send(error.status, { error: error.message });
      else send(500, { error: String((error as Error)?.message ?? error) });
    }
  }
}
