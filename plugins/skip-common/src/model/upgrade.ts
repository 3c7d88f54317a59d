import { z } from 'zod';
import { environmentSchema } from './environment';

/** What one step of a staged upgrade does; each maps to one gkectl/gkeadm command. */
export const upgradeStepKindSchema = z.enum([
  'upgrade-admin-workstation',
  'prepare-bundle',
  'preflight',
  'upgrade-user-cluster',
  'upgrade-admin-cluster',
  'postflight',
  'approval-gate',
]);
export type UpgradeStepKind = z.infer<typeof upgradeStepKindSchema>;

export const upgradeStepStateSchema = z.enum([
  'pending',
  'running',
  'waiting-for-approval',
  'succeeded',
  'failed',
  'skipped',
]);
export type UpgradeStepState = z.infer<typeof upgradeStepStateSchema>;

/** One step of an upgrade run, recorded with who, when, command, exit code and output. */
export const upgradeStepSchema = z.object({
  id: z.string(),
  runId: z.string(),
  order: z.number().int(),
  kind: upgradeStepKindSchema,
  environment: environmentSchema,
  site: z.string().optional(),
  cluster: z.string().optional(),
  state: upgradeStepStateSchema,
  command: z.array(z.string()).optional(),
  exitCode: z.number().int().optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  approvedBy: z.string().optional(),
});
export type UpgradeStep = z.infer<typeof upgradeStepSchema>;

export const upgradeRunStateSchema = z.enum([
  'planned',
  'running',
  'waiting-for-approval',
  'succeeded',
  'failed',
  'cancelled',
]);
export type UpgradeRunState = z.infer<typeof upgradeRunStateSchema>;

/** A staged upgrade across the fleet: sandbox first, prod last. */
export const upgradeRunSchema = z.object({
  id: z.string(),
  targetVersion: z
    .string()
    .regex(/^\d+\.\d+\.\d+(-gke\.\d+)?$/, 'must look like 1.31.200-gke.59'),
  state: upgradeRunStateSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  steps: z.array(upgradeStepSchema),
});
export type UpgradeRun = z.infer<typeof upgradeRunSchema>;
