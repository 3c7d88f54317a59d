import { z } from 'zod';
import {
  clusterMetadataSchema,
  DEFAULT_SYSTEM_NAMESPACES,
  groupRefSchema,
} from '@internal/plugin-skip-common';

/** An Argo CD instance's REST API: its base URL and a token scoped to the projects the portal may read. */
export const argoInstanceApiSchema = z.object({
  url: z.string().url(),
  token: z.string().min(1),
});
export type ArgoInstanceApi = z.infer<typeof argoInstanceApiSchema>;

/** An Argo CD instance as configured under `skip.argocd.instances`. */
export const argoInstanceSchema = z.object({
  name: z.string().min(1),
  cluster: z.string().min(1),
  namespace: z.string().min(1).default('argocd'),
  /** Its web UI, for links to an app (`<url>/applications/<namespace>/<name>`). */
  url: z.string().url().optional(),
  /** Its REST API, for the live-versus-desired diff; without it the portal says no diff is available. */
  api: argoInstanceApiSchema.optional(),
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

/**
 * A Connect gateway fronting clusters under one fleet host project, as configured under
 * `skip.connectGateways`: Google's per-project quotas on requests and open watch streams.
 */
export const connectGatewaySchema = z.object({
  name: z.string().min(1),
  requestsPerMinute: z.number().int().positive().default(2400),
  maxStreams: z.number().int().nonnegative().default(10),
  /** The share of requestsPerMinute the fleet cache may use; the rest is left to on-demand calls. */
  cacheShare: z.number().gt(0).lte(1).default(0.5),
});
export type ConnectGateway = z.infer<typeof connectGatewaySchema>;

/**
 * One entry of `skip.clusters`: the cluster's metadata, plus how the portal reaches it
 * when that is not direct (kept out of the metadata, which the frontend sees).
 */
export const clusterEntrySchema = z.intersection(
  clusterMetadataSchema,
  z.object({ connectGateway: z.string().min(1).optional() }),
);

/** The suite's own block, `skip`. */
export const skipConfigSchema = z.object({
  platformTeamGroups: z.array(groupRefSchema).default([]),
  systemNamespaces: z
    .array(
      z
        .string()
        .regex(
          /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$|^[a-z0-9][-a-z0-9]*\*$/,
          'must be a namespace name, or a prefix ending with *',
        ),
    )
    .default(DEFAULT_SYSTEM_NAMESPACES),
  clusters: z.array(clusterEntrySchema).default([]),
  connectGateways: z.array(connectGatewaySchema).default([]),
  argocd: z
    .object({ instances: z.array(argoInstanceSchema).default([]) })
    .default({ instances: [] }),
});
