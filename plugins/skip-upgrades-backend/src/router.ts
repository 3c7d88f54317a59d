import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  bodyErrorsAsInputErrors,
  validatorErrorsNamingTheField,
} from '@internal/plugin-skip-node';
import express from 'express';
import Router from 'express-promise-router';
import { addPlanRoutes } from './routes/planRoutes';
import { requireUpgradeAction } from './routes/requireUpgradeAction';
import { requireUpgradeRead } from './routes/requireUpgradeRead';
import { addRunRoutes } from './routes/runRoutes';
import { createOpenApiRouter } from './schema/openapi/generated';
import type { PlanBuilder } from './services/PlanBuilder/PlanBuilder';
import type { RunViews } from './services/RunViews/RunViews';
import type { UpgradeAccess } from './services/UpgradeAccess/UpgradeAccess';
import type { UpgradeRuns } from './services/UpgradeRuns/UpgradeRuns';

/**
 * Routes of the upgrades backend, generated from src/schema/openapi.yaml: the OpenAPI
 * router validates every request against the spec before a handler sees it.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  access: UpgradeAccess;
  plans: PlanBuilder;
  runs: UpgradeRuns;
  views: RunViews;
}): Promise<express.Router> {
  const router = Router();
  // Who calls comes first: 401 and 403 before any input is looked at.
  router.use(requireUpgradeRead(options));
  router.use(requireUpgradeAction(options));
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
  addPlanRoutes(api, options);
  addRunRoutes(api, options);
  router.use(api);
  router.use(validatorErrorsNamingTheField);
  return router;
}
