import { z } from 'zod';
import { argoSyncStatusSchema } from '../model/argocd';
import { healthSchema } from '../model/skiperator';
import { failureExplanationSchema } from './failureExplanation';
import { resourceRefSchema } from './types';

/** One object of an app's resource tree: the Skiperator Application or something it made. */
export const resourceTreeNodeSchema = z.object({
  /** Unique in the tree: `<group>/<Kind>/<name>` (`core` for the core group). */
  id: z.string(),
  /** The id of the object that owns this one; none for the Application at the root. */
  parent: z.string().optional(),
  apiVersion: z.string(),
  kind: z.string(),
  namespace: z.string(),
  name: z.string(),
  health: healthSchema,
  /** One line saying why, when not healthy. */
  reason: z.string().optional(),
  /**
   * Argo CD's sync status of this object, from the Argo CD app's `status.resources`; absent
   * for objects Argo CD does not track (what Skiperator made from the Application).
   */
  sync: z
    .object({
      status: argoSyncStatusSchema,
      /** In the cluster but no longer in git: Argo CD removes it when it syncs with prune. */
      requiresPruning: z.boolean().optional(),
    })
    .optional(),
});
export type ResourceTreeNode = z.infer<typeof resourceTreeNodeSchema>;

/** What one Skiperator app consists of on its cluster, read live, owners before what they own. */
export const resourceTreeSchema = z.object({
  cluster: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** The Argo CD app the sync statuses come from, when one deploys this app. */
  argo: z
    .object({ instance: z.string(), namespace: z.string(), name: z.string() })
    .optional(),
  /** Depth first: each node comes after its parent, its children right after it. */
  nodes: z.array(resourceTreeNodeSchema),
  /** The app's most likely cause of failure, when something in it fails. */
  explanation: failureExplanationSchema.optional(),
  /** Kinds the cluster refused to list (e.g. a CRD that is not installed), one line each. */
  unreadable: z.array(z.string()),
  generatedAt: z.string(),
});
export type ResourceTree = z.infer<typeof resourceTreeSchema>;

/** Names one Skiperator Application on one cluster; validated on every tree request. */
export const skiperatorAppRefSchema = resourceRefSchema.omit({ kind: true });
export type SkiperatorAppRef = z.infer<typeof skiperatorAppRefSchema>;
