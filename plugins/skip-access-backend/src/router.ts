import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  bodyErrorsAsInputErrors,
  validatorErrorsNamingTheField,
} from '@internal/plugin-skip-node';
import express from 'express';
import Router from 'express-promise-router';
import { addEffectiveRoutes } from './routes/effectiveRoutes';
import { addPlanRoutes } from './routes/planRoutes';
import { requireAccessChange } from './routes/requireAccessChange';
import { requireAccessRead } from './routes/requireAccessRead';
import { addRuleRoutes } from './routes/ruleRoutes';
import { createOpenApiRouter } from './schema/openapi/generated';
import type { AccessApplier } from './services/AccessApplier/AccessApplier';
import type { AccessPermissions } from './services/AccessPermissions/AccessPermissions';
import type { AccessPlanner } from './services/AccessPlanner/AccessPlanner';
import type { DriftChecker } from './services/DriftChecker/DriftChecker';
import type { EffectiveAccessService } from './services/EffectiveAccess/EffectiveAccessService';
import type { RuleBook } from './services/RuleBook/RuleBook';

/**
 * Routes of the access backend, generated from src/schema/openapi.yaml: the OpenAPI router
 * validates every request against the spec before a handler sees it.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  permissions: AccessPermissions;
  rules: RuleBook;
  planner: AccessPlanner;
  applier: AccessApplier;
  drift: DriftChecker;
  effective: EffectiveAccessService;
}): Promise<express.Router> {
  const router = Router();
  // Who calls comes first: 401 and 403 before any input is looked at.
  router.use(requireAccessRead(options));
  router.use(requireAccessChange(options));
  router.use(express.json());
  router.use(bodyErrorsAsInputErrors);
  const api = await createOpenApiRouter({
    validatorOptions: {
      useRequestUrl: false,
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
      validateSecurity: false,
    },
  });
  addRuleRoutes(api, options);
  addPlanRoutes(api, options);
  addEffectiveRoutes(api, options);
  router.use(api);
  router.use(validatorErrorsNamingTheField);
  return router;
}
