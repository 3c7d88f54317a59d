import type {
  AuthService,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import express from 'express';
import Router from 'express-promise-router';
import { addAccessRoutes } from './routes/accessRoutes';
import { addAppRoutes } from './routes/appRoutes';
import { addArgoRoutes } from './routes/argoRoutes';
import { addClusterRoutes } from './routes/clusterRoutes';
import {
  bodyErrorsAsInputErrors,
  validatorErrorsNamingTheField,
} from '@internal/plugin-skip-node';
import { requireFleetRead } from './routes/requireFleetRead';
import { requireSignedInUser } from './routes/requireSignedInUser';
import { addResourceRoutes } from './routes/resourceRoutes';
import { addTreeRoutes } from './routes/treeRoutes';
import { createOpenApiRouter } from './schema/openapi/generated';
import type { AccessPolicyLookup } from './services/AccessPolicy/types';
import type { AppLookup } from './services/AppLookup/types';
import type { ArgoActions } from './services/ArgoActions/types';
import type { ArgoDetails } from './services/ArgoDetails/types';
import type { ArgoDiff } from './services/ArgoDiff/types';
import type { ClusterPages } from './services/ClusterPages/types';
import type { PodLogs } from './services/PodLogs/types';
import type { ResourceInspector } from './services/ResourceInspector/types';
import type { ResourceTreeReader } from './services/ResourceTree/types';

/**
 * Routes of the fleet backend, generated from src/schema/openapi.yaml: the OpenAPI router
 * validates every request against the spec before a handler sees it.
 */
export async function createRouter(options: {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  apps: AppLookup;
  resources: ResourceInspector;
  trees: ResourceTreeReader;
  podLogs: PodLogs;
  argo: ArgoActions;
  argoDetails: ArgoDetails;
  argoDiff: ArgoDiff;
  accessPolicies: AccessPolicyLookup;
  clusterPages: ClusterPages;
}): Promise<express.Router> {
  const { auth, httpAuth, permissions } = options;
  const router = Router();
  // Who calls comes first: 401 and 403 before any input is looked at.
  router.use(requireFleetRead({ httpAuth, permissions }));
  router.use('/argocd', requireSignedInUser({ auth, httpAuth }));
  router.use(express.json());
  router.use(bodyErrorsAsInputErrors);

  const api = await createOpenApiRouter({
    validatorOptions: {
      // Match on the full URL: the spec's server is /api/skip-fleet, where the plugin is mounted.
      useRequestUrl: false,
      // Parameters this route does not define are ignored, as they always were.
      validateRequests: {
        coerceTypes: false,
        allowUnknownQueryParameters: true,
      },
      // Backstage's httpAuth decides who calls (above); the spec only documents it.
      validateSecurity: false,
    },
  });
  addAppRoutes(api, options);
  addAccessRoutes(api, options);
  addClusterRoutes(api, options);
  addResourceRoutes(api, options);
  addTreeRoutes(api, options);
  addArgoRoutes(api, options);
  router.use(api);
  router.use(validatorErrorsNamingTheField);
  return router;
}
