import { z } from 'zod';
import { environmentSchema } from './environment';
import { argoAppStatusSchema } from './argocd';

/** Status names Skiperator writes in `status.summary.status` and per subresource. */
export const skiperatorStatusNameSchema = z.enum([
  'Synced',
  'Progressing',
  'Error',
  'Pending',
  'Ready',
  'InvalidConfig',
]);
export type SkiperatorStatusName = z.infer<typeof skiperatorStatusNameSchema>;

/** A metav1 Condition as Kubernetes controllers write them. */
export const conditionSchema = z.object({
  type: z.string(),
  status: z.enum(['True', 'False', 'Unknown']),
  reason: z.string().optional(),
  message: z.string().optional(),
  lastTransitionTime: z.string().optional(),
});
export type Condition = z.infer<typeof conditionSchema>;

/** The portal's verdict on one thing, from green to red. */
export const healthSchema = z.enum([
  'Healthy',
  'Progressing',
  'Degraded',
  'Unknown',
]);
export type Health = z.infer<typeof healthSchema>;

/** One resource Skiperator created for an app (Deployment, Service, HPA, NetworkPolicy, Istio objects...). */
export const ownedResourceSchema = z.object({
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  health: healthSchema,
  /** Why it is not healthy, in words a developer can act on. */
  message: z.string().optional(),
});
export type OwnedResource = z.infer<typeof ownedResourceSchema>;

/** One Skiperator Application on one cluster, with what it owns and the Argo CD app that deploys it. */
export const skiperatorAppSummarySchema = z.object({
  cluster: z.string(),
  environment: environmentSchema,
  namespace: z.string(),
  name: z.string(),
  team: z.string().optional(),
  image: z.string(),
  tag: z.string().optional(),
  replicas: z.object({ desired: z.number().int(), ready: z.number().int() }),
  summary: z.object({
    status: z.string(),
    message: z.string().optional(),
    timestamp: z.string().optional(),
  }),
  conditions: z.array(conditionSchema),
  ownedResources: z.array(ownedResourceSchema),
  health: healthSchema,
  argo: argoAppStatusSchema.optional(),
  /** The app's external hostnames (Skiperator `spec.ingresses`). */
  ingresses: z.array(z.string()).optional(),
});
export type SkiperatorAppSummary = z.infer<typeof skiperatorAppSummarySchema>;
