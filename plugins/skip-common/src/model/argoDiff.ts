import { z } from 'zod';

/**
 * How one managed resource differs from git: `none`, `modified` (both exist and differ),
 * `missing` (in git, not on the cluster) or `extra` (on the cluster, no longer in git).
 */
export const argoResourceChangeSchema = z.enum([
  'none',
  'modified',
  'missing',
  'extra',
]);
export type ArgoResourceChange = z.infer<typeof argoResourceChangeSchema>;

/** One resource an Argo CD app manages, with its live-versus-desired diff. */
export const argoResourceDiffSchema = z.object({
  group: z.string().optional(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  change: argoResourceChangeSchema,
  /**
   * A unified diff of the YAML, `-` the live object and `+` git (what a sync would apply);
   * status and server-set metadata left out. Empty when nothing differs.
   */
  diff: z.string(),
});
export type ArgoResourceDiff = z.infer<typeof argoResourceDiffSchema>;

/** The live-versus-desired diff of an Argo CD app, when its instance's API is configured. */
export const argoAppDiffSchema = z.object({
  instance: z.string(),
  namespace: z.string(),
  name: z.string(),
  /** False when the portal cannot ask the instance (no `api` configured for it); `reason` says why. */
  available: z.boolean(),
  reason: z.string().optional(),
  /** Every managed resource, those that differ first. */
  resources: z.array(argoResourceDiffSchema),
});
export type ArgoAppDiff = z.infer<typeof argoAppDiffSchema>;
