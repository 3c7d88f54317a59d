import { z } from 'zod';

/**
 * `spec.accessPolicy` of a Skiperator Application, as its CRD (v2.18, api/common/podtypes)
 * declares it: in-cluster rules name an application and optionally a namespace or namespace
 * labels; external rules name a host, an IP for TCP, and ports. The API server has already
 * validated it against the CRD; parsing again keeps a malformed object from breaking the answer.
 */
const internalRuleSchema = z.object({
  application: z.string(),
  namespace: z.string().optional(),
  namespacesByLabel: z.record(z.string(), z.string()).optional(),
  ports: z
    .array(
      z.object({
        port: z.union([z.number(), z.string()]).optional(),
        endPort: z.number().int().optional(),
        protocol: z.string().optional(),
      }),
    )
    .optional(),
});
export type SkiperatorInternalRule = z.infer<typeof internalRuleSchema>;

const externalRuleSchema = z.object({
  host: z.string(),
  ip: z.string().optional(),
  ports: z
    .array(
      z.object({ name: z.string(), port: z.number(), protocol: z.string() }),
    )
    .optional(),
});
export type SkiperatorExternalRule = z.infer<typeof externalRuleSchema>;

const accessPolicySchema = z.object({
  inbound: z
    .object({ rules: z.array(internalRuleSchema).default([]) })
    .optional(),
  outbound: z
    .object({
      rules: z.array(internalRuleSchema).optional(),
      external: z.array(externalRuleSchema).optional(),
    })
    .optional(),
});
export type SkiperatorAccessPolicy = z.infer<typeof accessPolicySchema>;

/** The access policy of an Application's spec; undefined when it has none (or one no CRD allows). */
export function accessPolicyOf(app: {
  spec?: unknown;
}): SkiperatorAccessPolicy | undefined {
  const raw = (app.spec as { accessPolicy?: unknown } | undefined)
    ?.accessPolicy;
  if (raw === undefined || raw === null) return undefined;
  const parsed = accessPolicySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
