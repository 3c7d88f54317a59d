import type { HttpAuthService } from '@backstage/backend-plugin-api';
import {
  bodyErrorsAsInputErrors,
  validatorErrorsNamingTheField,
} from '@internal/plugin-skip-node';
import express from 'express';
import Router from 'express-promise-router';
import { addOnboardingRoutes } from './routes/onboardingRoutes';
import { requireOnboardingAccess } from './routes/requireOnboardingAccess';
import { createOpenApiRouter } from './schema/openapi/generated';
import type { OnboardingRights } from './services/OnboardingRights/OnboardingRights';
import type { Prefixes } from './services/Prefixes/Prefixes';
import type { PrefixRequests } from './services/PrefixRequests/PrefixRequests';

/**
 * Routes of the onboarding backend, generated from src/schema/openapi.yaml: the OpenAPI
 * router validates every request against the spec before a handler sees it.
 */
export async function createRouter(options: {
  httpAuth: HttpAuthService;
  rights: OnboardingRights;
  requests: PrefixRequests;
  prefixes: Prefixes;
}): Promise<express.Router> {
  const router = Router();
  // Who calls comes first: 401 and 403 before any input is looked at.
  router.use(requireOnboardingAccess(options));
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
  addOnboardingRoutes(api, options);
  router.use(api);
  router.use(validatorErrorsNamingTheField);
  return router;
}
