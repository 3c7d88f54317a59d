import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { Prefixes } from '../services/Prefixes/Prefixes';
import type { PrefixRequests } from '../services/PrefixRequests/PrefixRequests';
import type { OnboardingApiRouter } from './OnboardingApiRouter';
import { personOf } from './people';

/** Prefixes, validation and requests. */
export function addOnboardingRoutes(
  router: OnboardingApiRouter,
  options: {
    httpAuth: HttpAuthService;
    requests: PrefixRequests;
    prefixes: Prefixes;
  },
) {
  const { httpAuth, requests, prefixes } = options;
  const person = personOf(httpAuth);

  router.get('/prefixes', async (req, res) => {
    const namespaces = String(req.query.namespaces ?? 'true') !== 'false';
    res.json(
      await prefixes.list(await httpAuth.credentials(req), { namespaces }),
    );
  });

  router.post('/prefixes/:prefix/retire', async (req, res) => {
    res.json(
      await prefixes.retire(req.params.prefix, req.body, await person(req)),
    );
  });

  router.get('/prefixes/:prefix/export', async (req, res) => {
    res.json(await prefixes.export(req.params.prefix));
  });

  router.post('/validate', async (req, res) => {
    res.json(await requests.validate(req.body));
  });

  router.get('/requests', async (req, res) => {
    res.json({
      items: await requests.list({
        team: req.query.team,
        state: req.query.state,
      }),
    });
  });

  router.post('/requests', async (req, res) => {
    res.status(201).json(await requests.create(req.body, await person(req)));
  });

  router.get('/requests/:requestId', async (req, res) => {
    res.json(await requests.get(req.params.requestId));
  });

  router.get('/requests/:requestId/plan', async (req, res) => {
    res.json(await requests.plan(req.params.requestId));
  });

  router.post('/requests/:requestId/approve', async (req, res) => {
    res.json(
      await requests.approve(
        req.params.requestId,
        req.body.reason,
        await person(req),
      ),
    );
  });

  router.post('/requests/:requestId/reject', async (req, res) => {
    res.json(
      await requests.reject(
        req.params.requestId,
        req.body.reason,
        await person(req),
      ),
    );
  });
}
