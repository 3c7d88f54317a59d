import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import { createRouter } from '../router';
import { recordingServices } from './recordingServices';

/**
 * The fleet router alone, mounted where the plugin is (/api/skip-fleet), with recording
 * services and a permission decision for `skip.fleet.read`.
 */
export async function startRouter(
  options: { fleetRead?: AuthorizeResult.ALLOW | AuthorizeResult.DENY } = {},
) {
  const { calls, services } = recordingServices();
  const router = await createRouter({
    auth: mockServices.auth(),
    // A request without a token is nobody, as in production.
    httpAuth: mockServices.httpAuth({
      defaultCredentials: mockCredentials.none(),
    }),
    permissions: mockServices.permissions({
      result: options.fleetRead ?? AuthorizeResult.ALLOW,
    }),
    ...services,
  });
  const app = express();
  app.use('/api/skip-fleet', router);
  app.use(mockErrorHandler());
  return { app, calls };
}
