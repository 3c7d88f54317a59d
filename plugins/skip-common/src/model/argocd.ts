import { z } from 'zod';

/** `status.sync.status` of an Argo CD Application. */
export const argoSyncStatusSchema = z.enum(['Synced', 'OutOfSync', 'Unknown']);
export type ArgoSyncStatus = z.infer<typeof argoSyncStatusSchema>;

/** `status.health.status` of an Argo CD Application or of one of its resources. */
export const argoHealthStatusSchema = z.enum([
  'Healthy',
  'Progressing',
  'Degraded',
  'Suspended',
  'Missing',
  'Unknown',
]);
export type ArgoHealthStatus = z.infer<typeof argoHealthStatusSchema>;

/** `status.operationState.phase`. */
export const argoOperationPhaseSchema = z.enum([
  'Running',
  'Succeeded',
  'Failed',
  'Error',
  'Terminating',
]);
export type ArgoOperationPhase = z.infer<typeof argoOperationPhaseSchema>;

/** One entry of `status.resources[]`: a resource the Argo CD app manages. */
export const argoResourceStatusSchema = z.object({
  group: z.string().optional(),
  version: z.string().optional(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  status: argoSyncStatusSchema.optional(),
  health: z
    .object({ status: argoHealthStatusSchema, message: z.string().optional() })
    .optional(),
});
export type ArgoResourceStatus = z.infer<typeof argoResourceStatusSchema>;

/** What the portal shows of one Argo CD Application. */
export const argoAppStatusSchema = z.object({
  /** The Argo CD instance (config `skip.argocd.instances[].name`). */
  instance: z.string(),
  namespace: z.string(),
  name: z.string(),
  project: z.string().optional(),
  /** The git repository the app deploys from (`spec.source.repoURL`). */
  repoURL: z.string().optional(),
  /** The app's page in its instance's web UI, when `skip.argocd.instances[].url` is set. */
  url: z.string().optional(),
  destination: z.object({
    cluster: z.string().optional(),
    namespace: z.string().optional(),
  }),
  sync: z.object({
    status: argoSyncStatusSchema,
    revision: z.string().optional(),
  }),
  health: z.object({
    status: argoHealthStatusSchema,
    message: z.string().optional(),
  }),
  operation: z
    .object({
      phase: argoOperationPhaseSchema,
      message: z.string().optional(),
      startedAt: z.string().optional(),
      finishedAt: z.string().optional(),
    })
    .optional(),
  reconciledAt: z.string().optional(),
  resources: z.array(argoResourceStatusSchema),
});
export type ArgoAppStatus = z.infer<typeof argoAppStatusSchema>;

/** How hard Argo CD should refresh: `normal` compares with git, `hard` also drops its manifest cache. */
export const argoRefreshTypeSchema = z.enum(['normal', 'hard']);
export type ArgoRefreshType = z.infer<typeof argoRefreshTypeSchema>;
