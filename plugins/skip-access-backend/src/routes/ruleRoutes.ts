import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { RuleBook } from '../services/RuleBook/RuleBook';
import type { AccessApiRouter } from './AccessApiRouter';
import { personOf } from './people';

/** Rules: list, live validation, and changes to the database rules. */
export function addRuleRoutes(
  router: AccessApiRouter,
  options: { httpAuth: HttpAuthService; rules: RuleBook },
) {
  const { rules, httpAuth } = options;
  const person = personOf(httpAuth);

  router.get('/rules', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    res.json(await rules.view(credentials));
  });

  router.post('/rules/validate', async (req, res) => {
    res.json(await rules.validate(req.body, { creating: true }));
  });

  router.post('/rules', async (req, res) => {
    res.status(201).json(await rules.create(req.body, await person(req)));
  });

  router.put('/rules/:ruleId', async (req, res) => {
    res.json(
      await rules.update(req.params.ruleId, req.body, await person(req)),
    );
  });

  router.delete('/rules/:ruleId', async (req, res) => {
    await rules.delete(req.params.ruleId, await person(req));
    res.status(204).end();
  });
}
