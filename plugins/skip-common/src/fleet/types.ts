import { z } from 'zod';
import { clusterMetadataSchema, clusterVersionsSchema } from '../model/cluster';
import {
  skiperatorAppSummarySchema,
  conditionSchema,
} from '../model/skiperator';
import { argoAppStatusSchema } from '../model/argocd';
import { clusterErrorCategorySchema } from './clusterErrors';
import { failureExplanationSchema } from './failureExplanation';

/** Whether the portal can currently reach a cluster. `pending` = not yet heard from since start. */
export const reachabilitySchema = z.enum([
  'reachable',
  'unreachable',
  'pending',
]);
export type Reachability = z.infer<typeof reachabilitySchema>;

/** How fresh one cluster's data is; every answer that merges clusters carries one per cluster. */
export const clusterFreshnessSchema = z.object({
  cluster: z.string(),
  reachability: reachabilitySchema,
  /** When the cache last heard from the cluster (list or watch event), ISO time. */
  lastSeenAt: z.string().optional(),
  /** Why the cluster is not reachable, when it is not: a category, never an address. */
  errorCategory: clusterErrorCategorySchema.optional(),
  /** The category in words, e.g. "cannot be reached". */
  error: z.string().optional(),
  /** What a reachable cluster refuses to list (e.g. a missing CRD), one line per kind. */
  unreadable: z.array(z.string()).optional(),
});
export type ClusterFreshness = z.infer<typeof clusterFreshnessSchema>;

/** One row of the fleet page. */
export const clusterStatusSchema = z.object({
  metadata: clusterMetadataSchema,
  versions: clusterVersionsSchema,
  nodes: z
    .object({ ready: z.number().int(), total: z.number().int() })
    .optional(),
  freshness: clusterFreshnessSchema,
  /**
   * An upgrade running on this cluster: as the admin cluster reports it (on-prem cluster
   * object in state UPGRADING), and, once the upgrades plugin runs it, with its run.
   */
  upgradeInProgress: z
    .object({
      targetVersion: z.string().optional(),
      runId: z.string().optional(),
      since: z.string().optional(),
    })
    .optional(),
});
export type ClusterStatus = z.infer<typeof clusterStatusSchema>;

export const listClustersResponseSchema = z.object({
  items: z.array(clusterStatusSchema),
  generatedAt: z.string(),
});
export type ListClustersResponse = z.infer<typeof listClustersResponseSchema>;

/** Apps of one component, team or namespace set, merged across clusters. */
export const appsResponseSchema = z.object({
  items: z.array(skiperatorAppSummarySchema),
  /** Argo CD apps that match but whose Skiperator app was not found (e.g. never synced). */
  orphanArgoApps: z.array(argoAppStatusSchema),
  clusters: z.array(clusterFreshnessSchema),
  generatedAt: z.string(),
});
export type AppsResponse = z.infer<typeof appsResponseSchema>;

/** A Kubernetes event about one object, as the drill-down shows it. */
export const kubeEventSchema = z.object({
  type: z.string(),
  reason: z.string().optional(),
  message: z.string().optional(),
  count: z.number().int().optional(),
  lastTimestamp: z.string().optional(),
  source: z.string().optional(),
});
export type KubeEvent = z.infer<typeof kubeEventSchema>;

/** A pod of a failing resource, with what its containers are doing. */
export const podSummarySchema = z.object({
  name: z.string(),
  phase: z.string().optional(),
  containers: z.array(
    z.object({
      name: z.string(),
      ready: z.boolean(),
      restartCount: z.number().int(),
      state: z.string(),
      reason: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});
export type PodSummary = z.infer<typeof podSummarySchema>;

/** Everything about one resource a developer needs to find why it fails. */
export const resourceDetailsSchema = z.object({
  cluster: z.string(),
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  conditions: z.array(conditionSchema),
  events: z.array(kubeEventSchema),
  pods: z.array(podSummarySchema),
  /** What most likely stops it, when something does. */
  explanation: failureExplanationSchema.optional(),
  /** The live object as YAML, without managedFields and the last-applied annotation. */
  manifest: z.string(),
});
export type ResourceDetails = z.infer<typeof resourceDetailsSchema>;

/** Names one object on one cluster; validated on every drill-down request. */
export const resourceRefSchema = z.object({
  cluster: z.string().min(1),
  namespace: z
    .string()
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a namespace name'),
  kind: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kind like Deployment'),
  name: z
    .string()
    .regex(/^[a-z0-9]([-.a-z0-9]*[a-z0-9])?$/, 'must be an object name'),
});
export type ResourceRef = z.infer<typeof resourceRefSchema>;

/** Names one pod on one cluster. */
export const podRefSchema = resourceRefSchema.omit({ kind: true });
export type PodRef = z.infer<typeof podRefSchema>;

/** Names one Argo CD Application: the instance it lives in, its namespace and name. */
export const argoAppRefSchema = z.object({
  instance: z.string().min(1),
  namespace: resourceRefSchema.shape.namespace,
  name: resourceRefSchema.shape.name,
});
export type ArgoAppRef = z.infer<typeof argoAppRefSchema>;

/** Pod log request. */
export const podLogQuerySchema = z.object({
  container: z
    .string()
    .max(63)
    .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'must be a container name')
    .optional(),
  tailLines: z.coerce.number().int().min(1).max(5000).default(200),
  /** The log of the container's previous run (after a restart or crash); never followed. */
  previous: z
    .enum(['true', 'false'])
    .optional()
    .transform(value => value === 'true'),
});
export type PodLogQuery = z.infer<typeof podLogQuerySchema>;

/** A namespace of a team on one cluster. */
export const namespaceSummarySchema = z.object({
  cluster: z.string(),
  environment: z.string(),
  name: z.string(),
  team: z.string().optional(),
  apps: z.number().int(),
  createdAt: z.string().optional(),
});
export type NamespaceSummary = z.infer<typeof namespaceSummarySchema>;

export const namespacesResponseSchema = z.object({
  items: z.array(namespaceSummarySchema),
  clusters: z.array(clusterFreshnessSchema),
  generatedAt: z.string(),
});
export type NamespacesResponse = z.infer<typeof namespacesResponseSchema>;

/** One resource of a selective sync (`operation.sync.resources[]`), as Argo CD lists it. */
export const argoSyncResourceSchema = z.object({
  group: z.string().max(253).optional(),
  kind: resourceRefSchema.shape.kind,
  namespace: resourceRefSchema.shape.namespace.optional(),
  name: resourceRefSchema.shape.name,
});
export type ArgoSyncResource = z.infer<typeof argoSyncResourceSchema>;

/**
 * Sync options a person may pass (Argo CD's `syncOptions`); CreateNamespace is not among
 * them: namespaces are the platform's (PLATFORM.md).
 */
export const argoSyncOptionSchema = z
  .string()
  .regex(
    /^(Validate=false|ServerSideApply=true|Replace=true|PruneLast=true|ApplyOutOfSyncOnly=true|RespectIgnoreDifferences=true|PrunePropagationPolicy=(foreground|background|orphan))$/,
    'must be one of Validate=false, ServerSideApply=true, Replace=true, PruneLast=true, ApplyOutOfSyncOnly=true, RespectIgnoreDifferences=true, PrunePropagationPolicy=foreground|background|orphan',
  );

/** Body of a sync request: optionally a revision, prune, a dry run, selected resources, sync options. */
export const argoSyncRequestSchema = z.object({
  revision: z.string().min(1).max(255).optional(),
  prune: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  resources: z.array(argoSyncResourceSchema).max(500).optional(),
  syncOptions: z.array(argoSyncOptionSchema).max(10).optional(),
});
export type ArgoSyncRequest = z.infer<typeof argoSyncRequestSchema>;

/** Body of a rollback request: the `status.history[].id` to deploy again, as Argo CD's rollback takes it. */
export const argoRollbackRequestSchema = z.object({
  id: z.number().int().min(0),
  prune: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});
export type ArgoRollbackRequest = z.infer<typeof argoRollbackRequestSchema>;

/** Body of a refresh request. */
export const argoRefreshRequestSchema = z.object({
  type: z.enum(['normal', 'hard']).default('normal'),
});
export type ArgoRefreshRequest = z.infer<typeof argoRefreshRequestSchema>;
