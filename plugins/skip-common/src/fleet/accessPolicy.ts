import { z } from 'zod';
import { environmentSchema } from '../model/environment';
import { healthSchema } from '../model/skiperator';
import { clusterFreshnessSchema } from './types';

/** An app on the same cluster that a rule points at, as the watch cache last saw it. */
export const accessPeerSchema = z.object({
  namespace: z.string(),
  name: z.string(),
  health: healthSchema,
  /** Whether the other app's own rules allow this traffic too (both sides must, or it is denied). */
  reciprocated: z.boolean(),
  /** The catalog component that claims the app, when the caller may see one. */
  entityRef: z.string().optional(),
});
export type AccessPeer = z.infer<typeof accessPeerSchema>;

/**
 * Why a rule does not do what it says: it points at no app (`noSuchApp`), the other side
 * does not allow it (`oneSided`), or Skiperator cannot build it (`tcpWithoutIp`).
 */
export const accessProblemSchema = z.object({
  kind: z.enum(['noSuchApp', 'oneSided', 'tcpWithoutIp']),
  /** The problem in plain words, with what to change. */
  message: z.string(),
  /** One-sided: the app whose rules lack the other half. */
  peer: z.object({ namespace: z.string(), name: z.string() }).optional(),
  /** One-sided: which of the peer's rule lists lacks this app. */
  missingSide: z.enum(['inbound', 'outbound']).optional(),
});
export type AccessProblem = z.infer<typeof accessProblemSchema>;

/** A port of an in-cluster rule (a NetworkPolicy port: number or name; none means every port). */
export const internalAccessPortSchema = z.object({
  port: z.string().optional(),
  endPort: z.number().int().optional(),
  protocol: z.string().optional(),
});

/** One `accessPolicy.inbound.rules[]` or `outbound.rules[]` entry, resolved against the cluster's apps. */
export const internalAccessRuleSchema = z.object({
  application: z.string(),
  /** The namespace the rule means: the one it names, else the app's own (unset for a label rule). */
  namespace: z.string().optional(),
  /** Namespace labels the rule selects by (ignored by Skiperator when `namespace` is set). */
  namespacesByLabel: z.record(z.string(), z.string()).optional(),
  ports: z.array(internalAccessPortSchema),
  /** The apps the rule matches; empty when it points at nothing. */
  peers: z.array(accessPeerSchema),
  problems: z.array(accessProblemSchema),
});
export type InternalAccessRule = z.infer<typeof internalAccessRuleSchema>;

/** One `accessPolicy.outbound.external[]` entry: a host outside the cluster. */
export const externalAccessRuleSchema = z.object({
  host: z.string(),
  ip: z.string().optional(),
  ports: z.array(
    z.object({
      name: z.string(),
      port: z.number().int(),
      protocol: z.string(),
    }),
  ),
  /** No ports were written, so Skiperator allows HTTPS on 443 only. */
  defaultPorts: z.boolean(),
  problems: z.array(accessProblemSchema),
});
export type ExternalAccessRule = z.infer<typeof externalAccessRuleSchema>;

/** An app whose outbound rules name this app, although this app's inbound rules do not let it in. */
export const blockedCallerSchema = accessPeerSchema.extend({
  message: z.string(),
});
export type BlockedCaller = z.infer<typeof blockedCallerSchema>;

/** "Who may call this app and whom it calls": its Skiperator accessPolicy resolved on its cluster. */
export const appAccessPolicySchema = z.object({
  cluster: z.string(),
  environment: environmentSchema,
  namespace: z.string(),
  name: z.string(),
  /** Whether the app has `spec.accessPolicy` at all (without one, nothing may call it and it calls nothing). */
  declared: z.boolean(),
  /** Skiperator's own verdict (`status.accessPolicies`), e.g. Synced or InvalidConfig. */
  skiperatorStatus: z.string().optional(),
  inbound: z.array(internalAccessRuleSchema),
  outbound: z.array(internalAccessRuleSchema),
  external: z.array(externalAccessRuleSchema),
  blockedCallers: z.array(blockedCallerSchema),
  freshness: clusterFreshnessSchema,
  generatedAt: z.string(),
});
export type AppAccessPolicy = z.infer<typeof appAccessPolicySchema>;
