import { z } from 'zod';
import {
  argoHealthStatusSchema,
  argoOperationPhaseSchema,
  argoResourceStatusSchema,
  argoSyncStatusSchema,
} from './argocd';

/** Who started an Argo CD operation: a person (`username`) or Argo CD's auto-sync. */
export const argoInitiatorSchema = z.object({
  username: z.string().optional(),
  automated: z.boolean().optional(),
});
export type ArgoInitiator = z.infer<typeof argoInitiatorSchema>;

/** Where an app's manifests come from (`spec.source`), with web links when the host is known. */
export const argoSourceSchema = z.object({
  repoURL: z.string(),
  path: z.string().optional(),
  targetRevision: z.string().optional(),
  /** The repo in a browser (GitHub only; undefined for hosts the portal cannot link). */
  repoWebUrl: z.string().optional(),
  /** The app's directory at its target revision, in a browser. */
  pathWebUrl: z.string().optional(),
});
export type ArgoSource = z.infer<typeof argoSourceSchema>;

/** `spec.syncPolicy`: whether Argo CD syncs by itself, heals drift and prunes. */
export const argoSyncPolicySchema = z.object({
  automated: z.boolean(),
  selfHeal: z.boolean(),
  prune: z.boolean(),
  syncOptions: z.array(z.string()),
});
export type ArgoSyncPolicy = z.infer<typeof argoSyncPolicySchema>;

/** One resource's result of the last sync (`syncResult.resources[]`). */
export const argoResourceResultSchema = z.object({
  group: z.string().optional(),
  kind: z.string(),
  namespace: z.string().optional(),
  name: z.string(),
  status: z.string().optional(),
  message: z.string().optional(),
  hookPhase: z.string().optional(),
  syncPhase: z.string().optional(),
});
export type ArgoResourceResult = z.infer<typeof argoResourceResultSchema>;

/** The last operation (`status.operationState`) with what was asked and what each resource did. */
export const argoLastOperationSchema = z.object({
  phase: argoOperationPhaseSchema,
  message: z.string().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  initiatedBy: argoInitiatorSchema.optional(),
  revision: z.string().optional(),
  revisionUrl: z.string().optional(),
  dryRun: z.boolean(),
  prune: z.boolean(),
  /** The resources a selective sync was limited to; empty when it synced all. */
  selectedResources: z.array(
    z.object({
      group: z.string().optional(),
      kind: z.string(),
      namespace: z.string().optional(),
      name: z.string(),
    }),
  ),
  results: z.array(argoResourceResultSchema),
});
export type ArgoLastOperation = z.infer<typeof argoLastOperationSchema>;

/** One deployment of `status.history[]`, with a link to its commit when the host is known. */
export const argoHistoryEntrySchema = z.object({
  id: z.number().int(),
  revision: z.string(),
  revisionUrl: z.string().optional(),
  deployedAt: z.string().optional(),
  deployStartedAt: z.string().optional(),
  initiatedBy: argoInitiatorSchema.optional(),
});
export type ArgoHistoryEntry = z.infer<typeof argoHistoryEntrySchema>;

/** Whether the caller may take an action on this app, and if not, why (in words a person reads). */
export const argoActionDecisionSchema = z.object({
  allowed: z.boolean(),
  reason: z.string().optional(),
});
export type ArgoActionDecision = z.infer<typeof argoActionDecisionSchema>;

/** What a developer needs instead of Argo CD's UI for one app. */
export const argoAppDetailsSchema = z.object({
  instance: z.string(),
  namespace: z.string(),
  name: z.string(),
  project: z.string().optional(),
  /** The app in its Argo CD instance's UI, when the instance's `url` is configured. */
  argoUrl: z.string().optional(),
  source: argoSourceSchema.optional(),
  destination: z.object({
    cluster: z.string().optional(),
    namespace: z.string().optional(),
  }),
  syncPolicy: argoSyncPolicySchema,
  sync: z.object({
    status: argoSyncStatusSchema,
    revision: z.string().optional(),
    revisionUrl: z.string().optional(),
  }),
  health: z.object({
    status: argoHealthStatusSchema,
    message: z.string().optional(),
  }),
  operation: argoLastOperationSchema.optional(),
  /** Newest first. */
  history: z.array(argoHistoryEntrySchema),
  resources: z.array(argoResourceStatusSchema),
  actions: z.object({
    refresh: argoActionDecisionSchema,
    sync: argoActionDecisionSchema,
    rollback: argoActionDecisionSchema,
  }),
});
export type ArgoAppDetails = z.infer<typeof argoAppDetailsSchema>;
