import { z } from 'zod';
import { environmentSchema } from './environment';

/** Where a cluster runs. */
export const platformSchema = z.enum(['anthos-vmware', 'gke']);
export type Platform = z.infer<typeof platformSchema>;

/**
 * Where the control plane of a cluster runs: in the admin cluster (kubeception),
 * inside the user cluster itself (controlplane-v2), or managed by Google (gke-managed).
 */
export const controlPlaneModelSchema = z.enum([
  'kubeception',
  'controlplane-v2',
  'gke-managed',
]);
export type ControlPlaneModel = z.infer<typeof controlPlaneModelSchema>;

/** An admin cluster manages user clusters; only on-prem Anthos has them. */
export const clusterRoleSchema = z.enum(['user', 'admin']);
export type ClusterRole = z.infer<typeof clusterRoleSchema>;

const clusterName = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/,
    'must be a DNS label (lower-case letters, digits and -)',
  )
  .max(63);

/**
 * What the suite knows about a cluster beyond how to reach it (which lives in the
 * standard `kubernetes.clusterLocatorMethods` config). Validated at start-up.
 */
export const clusterMetadataSchema = z
  .object({
    name: clusterName,
    environment: environmentSchema,
    site: z.string().min(1),
    platform: platformSchema,
    controlPlane: controlPlaneModelSchema,
    role: clusterRoleSchema.default('user'),
    adminCluster: clusterName.optional(),
    /** The name Argo CD knows the cluster by, when it differs from `name`. */
    argocdName: z.string().min(1).optional(),
  })
  .superRefine((cluster, ctx) => {
    if (cluster.platform === 'gke' && cluster.controlPlane !== 'gke-managed') {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['controlPlane'],
        message: 'a gke cluster has controlPlane gke-managed',
      });
    }
    if (
      cluster.platform === 'anthos-vmware' &&
      cluster.controlPlane === 'gke-managed'
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['controlPlane'],
        message: 'an anthos-vmware cluster is kubeception or controlplane-v2',
      });
    }
    if (cluster.role === 'admin' && cluster.adminCluster) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['adminCluster'],
        message: 'an admin cluster has no admin cluster of its own',
      });
    }
    if (
      cluster.platform === 'anthos-vmware' &&
      cluster.role === 'user' &&
      !cluster.adminCluster
    ) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['adminCluster'],
        message: 'an anthos-vmware user cluster names its admin cluster',
      });
    }
  });
export type ClusterMetadata = z.infer<typeof clusterMetadataSchema>;

/** Versions a cluster reports: Kubernetes from /version, the platform's own release. */
export const clusterVersionsSchema = z.object({
  kubernetes: z.string().optional(),
  platform: z.string().optional(),
});
export type ClusterVersions = z.infer<typeof clusterVersionsSchema>;

/** A cluster as the suite presents it: metadata plus what it last reported. */
export const clusterSchema = z.object({
  metadata: clusterMetadataSchema,
  versions: clusterVersionsSchema,
  nodes: z
    .object({ ready: z.number().int(), total: z.number().int() })
    .optional(),
});
export type Cluster = z.infer<typeof clusterSchema>;
