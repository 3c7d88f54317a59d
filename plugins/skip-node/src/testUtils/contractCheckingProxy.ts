import express from 'express';
import type { Server } from 'node:http';

/** An answer that breaks the contract: which request, what status, and why. */
export type ContractViolation = {
  request: string;
  status: number;
  why: string;
};

/**
 * What a plugin's generated OpenAPI module (`src/schema/openapi/generated`) exports: its
 * bundled spec and the router factory made from it.
 */
export type GeneratedContract = {
  spec: {
    servers: readonly { url: string }[];
    paths: Record<string, object>;
  };
  createOpenApiRouter(options: {
    validatorOptions: {
      useRequestUrl: boolean;
      validateRequests: boolean;
      validateSecurity: boolean;
      validateResponses: {
        onError: (error: Error, body: unknown, req: express.Request) => void;
      };
    };
  }): Promise<express.Router>;
};

/**
 * A proxy in front of the real backend that checks every answer against the response
 * schema the plugin's spec gives for its route and status (express-openapi-validator, as
 * the generated router uses it). Requests are forwarded as sent, valid or not, so error
 * answers are checked too. Each request is recorded by its operation, so a test can tell
 * which operations it has exercised (see {@link specOperations}).
 */
export async function contractCheckingProxy(
  backend: Server,
  contract: GeneratedContract,
) {
  const { port } = backend.address() as { port: number };
  const violations: ContractViolation[] = [];
  const exercised = new Set<string>();
  const api = await contract.createOpenApiRouter({
    validatorOptions: {
      useRequestUrl: false,
      validateRequests: false,
      validateSecurity: false,
      validateResponses: {
        onError: (error, _body, req) => {
          violations.push({
            request: `${req.method} ${req.originalUrl}`,
            status: (req.res?.statusCode as number) ?? 0,
            why: error.message,
          });
        },
      },
    },
  });
  api.use(async (req, res) => {
    const operation = (req as { openapi?: { openApiRoute?: string } }).openapi
      ?.openApiRoute;
    exercised.add(`${req.method} ${operation ?? 'undocumented'}`);
    const upstream = await fetch(`http://localhost:${port}${req.originalUrl}`, {
      method: req.method,
      headers: {
        authorization: req.headers.authorization ?? '',
        ...(req.method === 'POST'
          ? { 'content-type': 'application/json' }
          : {}),
      },
      body: req.method === 'POST' ? JSON.stringify(req.body ?? {}) : undefined,
    });
    res.status(upstream.status);
    const type = upstream.headers.get('content-type') ?? '';
    if (type.startsWith('application/json')) {
      res.json(await upstream.json());
    } else {
      res.type(type).send(await upstream.text());
    }
  });
  const app = express();
  app.use(api);
  return { app, violations, exercised };
}

/** Every operation of a plugin's spec, as `METHOD /path/{param}` under the spec's server URL. */
export function specOperations(spec: GeneratedContract['spec']): string[] {
  const base = spec.servers[0].url;
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter(m => m !== 'parameters')
      .map(m => `${m.toUpperCase()} ${base}${path}`),
  );
}
