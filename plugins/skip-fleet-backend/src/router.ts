import type {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  argoRefreshRequestSchema,
  argoSyncRequestSchema,
  podLogQuerySchema,
  resourceRefSchema,
  skipFleetReadPermission,
} from '@internal/plugin-skip-common';
import express, { NextFunction, Request, Response } from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import { FleetService } from './services/FleetService';

const entityRefQuery = z.object({
  entityRef: z
    .string()
    .regex(
      /^[a-zA-Z]+:[^/]+\/.+$/,
      'must be an entity ref like component:default/my-app',
    )
    .optional(),
  team: z
    .string()
    .regex(
      /^group:[^/]+\/.+$/,
      'must be a group ref like group:default/my-team',
    )
    .optional(),
});
const teamQuery = z.object({
  team: z
    .string()
    .regex(
      /^group:[^/]+\/.+$/,
      'must be a group ref like group:default/my-team',
    ),
});
const argoParams = z.object({
  instance: z.string().min(1),
  namespace: resourceRefSchema.shape.namespace,
  name: resourceRefSchema.shape.name,
});
const podParams = resourceRefSchema.omit({ kind: true });
const followQuery = z.object({ follow: z.enum(['true', 'false']).optional() });

function parse<T extends z.ZodTypeAny>(
  schema: T,
  value: unknown,
  where: string,
): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map(
      i => `${i.path.join('.') || where}: ${i.message}`,
    );
    throw new InputError(`Invalid ${where}: ${issues.join('; ')}`);
  }
  return result.data;
}

/**
 * body-parser's own errors (not JSON, not an object, too large) say nothing of where the
 * input was wrong; they become a 400 naming the body, like every other bad input.
 */
function bodyErrorsAsInputErrors(
  error: unknown,
  _req: Request,
  _res: Response,
  next: NextFunction,
) {
  const e = error as { type?: unknown; status?: unknown; message?: string };
  if (
    typeof e?.type !== 'string' ||
    typeof e.status !== 'number' ||
    e.status >= 500
  ) {
    next(error);
    return;
  }
  const reason =
    e.type === 'entity.parse.failed' ? 'must be a JSON object' : e.message;
  next(new InputError(`Invalid body: body: ${reason}`));
}

/** Routes of the fleet backend; the contract is src/schema/openapi.yaml. */
export async function createRouter(options: {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  fleet: FleetService;
}): Promise<express.Router> {
  const { auth, httpAuth, permissions, fleet } = options;
  const router = Router();
  router.use(express.json());
  router.use(bodyErrorsAsInputErrors);

  // Every route reads the fleet; actions check their own permission on top.
  router.use(async (req: Request, res: Response, next) => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission: skipFleetReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('You may not read the fleet');
    }
    res.locals.credentials = credentials;
    next();
  });

  router.get('/clusters', async (_req, res) => {
    res.json(fleet.listClusters());
  });

  router.get('/apps', async (req, res) => {
    const query = parse(entityRefQuery, req.query, 'query');
    if (query.entityRef && query.team) {
      throw new InputError(
        'Invalid query: give entityRef or team, not both (entityRef, team)',
      );
    }
    if (query.entityRef) {
      res.json(await fleet.appsForEntity(query.entityRef, credentialsOf(res)));
    } else if (query.team) {
      res.json(await fleet.appsForTeam(query.team, credentialsOf(res)));
    } else {
      throw new InputError('Invalid query: give entityRef or team');
    }
  });

  router.get('/namespaces', async (req, res) => {
    const query = parse(teamQuery, req.query, 'query');
    res.json(await fleet.namespacesForTeam(query.team, credentialsOf(res)));
  });

  router.get('/resources/:cluster/:namespace/:kind/:name', async (req, res) => {
    res.json(
      await fleet.resourceDetails(
        parse(resourceRefSchema, req.params, 'path'),
        credentialsOf(res),
      ),
    );
  });

  router.get('/pods/:cluster/:namespace/:name/log', async (req, res) => {
    const ref = parse(podParams, req.params, 'path');
    const query = parse(podLogQuerySchema, req.query, 'query');
    const { follow } = parse(followQuery, req.query, 'query');
    if (follow !== 'true') {
      const text = await fleet.podLog(ref, query, credentialsOf(res));
      res.type('text/plain; charset=utf-8').send(text);
      return;
    }
    const aborter = new AbortController();
    res.on('close', () => aborter.abort());
    await fleet.followPodLog(
      ref,
      query,
      credentialsOf(res),
      res,
      aborter.signal,
      () => {
        res.type('text/plain; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.setHeader('X-Accel-Buffering', 'no');
        res.flushHeaders();
      },
    );
    res.end();
  });

  router.post(
    '/argocd/:instance/:namespace/:name/refresh',
    async (req, res) => {
      const ref = parse(argoParams, req.params, 'path');
      const body = parse(argoRefreshRequestSchema, req.body ?? {}, 'body');
      await fleet.refreshArgoApp(ref, body, await personOf(req, res));
      res.status(202).json({ accepted: true });
    },
  );

  router.post('/argocd/:instance/:namespace/:name/sync', async (req, res) => {
    const ref = parse(argoParams, req.params, 'path');
    const body = parse(argoSyncRequestSchema, req.body ?? {}, 'body');
    await fleet.syncArgoApp(ref, body, await personOf(req, res));
    res.status(202).json({ accepted: true });
  });

  /** Changes on a cluster are made by people: Argo CD records who started a sync. */
  async function personOf(req: Request, res: Response) {
    const credentials = credentialsOf(res);
    if (!auth.isPrincipal(credentials, 'user')) {
      throw new NotAllowedError(
        'Argo CD actions are made by signed-in users, not by services',
      );
    }
    return { credentials, request: req };
  }

  return router;
}

function credentialsOf(res: Response): BackstageCredentials {
  return res.locals.credentials;
}
