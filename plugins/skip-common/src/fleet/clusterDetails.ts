import { z } from 'zod';
import { argoHealthStatusSchema, argoSyncStatusSchema } from '../model/argocd';
import { healthSchema } from '../model/skiperator';
import { clusterStatusSchema } from './types';

/** One node of a cluster as the cluster page shows it. */
export const clusterNodeSchema = z.object({
  name: z.string(),
  /** The node pool, from GKE's or GKE on VMware's pool label. */
  pool: z.string().optional(),
  kubeletVersion: z.string().optional(),
  ready: z.boolean(),
  /** The Ready condition's reason when the node is not Ready. */
  notReadyReason: z.string().optional(),
  /** Cordoned, e.g. drained for an upgrade. */
  unschedulable: z.boolean().optional(),
  roles: z.array(z.string()),
  zone: z.string().optional(),
});
export type ClusterNode = z.infer<typeof clusterNodeSchema>;

/** The nodes of one pool: how many are Ready and which kubelet versions they run. */
export const nodePoolSchema = z.object({
  name: z.string(),
  nodes: z.number().int(),
  ready: z.number().int(),
  /** More than one while the pool is being upgraded. */
  kubeletVersions: z.array(z.string()),
});
export type NodePool = z.infer<typeof nodePoolSchema>;

/** One Skiperator app on the cluster page: its state, its Argo CD app, its catalog component. */
export const clusterAppSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  team: z.string().optional(),
  health: healthSchema,
  /** Skiperator's `status.summary.status`. */
  status: z.string(),
  message: z.string().optional(),
  tag: z.string().optional(),
  replicas: z.object({ desired: z.number().int(), ready: z.number().int() }),
  argo: z
    .object({
      instance: z.string(),
      namespace: z.string(),
      name: z.string(),
      sync: argoSyncStatusSchema,
      health: argoHealthStatusSchema,
    })
    .optional(),
  /** The entity ref of the catalog component that claims the app, when the caller may see it. */
  component: z.string().optional(),
});
export type ClusterApp = z.infer<typeof clusterAppSchema>;

/** What the cluster page shows of one cluster, from the watch cache. */
export const clusterDetailsSchema = z.object({
  cluster: clusterStatusSchema,
  /** For an admin cluster, the user clusters it manages; empty otherwise. */
  manages: z.array(z.string()),
  nodePools: z.array(nodePoolSchema),
  nodes: z.array(clusterNodeSchema),
  apps: z.array(clusterAppSchema),
  generatedAt: z.string(),
});
export type ClusterDetails = z.infer<typeof clusterDetailsSchema>;
