import type { ApiRouter } from '@backstage/backend-openapi-utils';
import type { spec } from '../schema/openapi/generated';

/** The router generated from src/schema/openapi.yaml: paths, parameters and bodies are typed by the spec. */
export type OnboardingApiRouter = ApiRouter<typeof spec>;
