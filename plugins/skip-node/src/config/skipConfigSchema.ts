import { z } from 'zod';
import {
  clusterMetadataSchema,
  groupRefSchema,
} from '@internal/plugin-skip-common';

/** An Argo CD instance as configured under `skip.argocd.instances`. */
export const argoInstanceSchema = z.object({
  name: z.string().min(1),
  cluster: z.string().min(1),
  namespace: z.string().min(1).default('argocd'),
});
export type ArgoInstance = z.infer<typeof argoInstanceSchema>;

/** How the backend reaches a cluster: one entry of `kubernetes.clusterLocatorMethods[type=config].clusters`. */
export const clusterConnectionSchema = z.object({
  name: z.string().min(1),
  url: z.string().url(),
  authProvider: z.string().default('serviceAccount'),
  serviceAccountToken: z.string().optional(),
  caData: z.string().optional(),
  caFile: z.string().optional(),
  skipTLSVerify: z.boolean().default(false),
});
export type ClusterConnection = z.infer<typeof clusterConnectionSchema>;

/** The suite's own block, `skip`. */
export const skipConfigSchema = z.object({
  platformTeamGroups: z.array(groupRefSchema).default([]),
  clusters: z.array(clusterMetadataSchema).default([]),
  argocd: z
    .object({ instances: z.array(argoInstanceSchema).default([]) })
    .default({ instances: [] }),
});
