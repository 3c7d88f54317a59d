import { z } from 'zod';

/** `skip.access`: where git rules live, the team default, what counts as escalating, the drift check. */
export const accessConfigSchema = z
  .object({
    /** A folder of YAML rule files (a checkout of a GitOps repo); absent means database rules only. */
    rulesFolder: z.string().min(1).optional(),
    /** The ClusterRole every team gets in its own namespace prefix. */
    teamDefaultRole: z.string().min(1).default('edit'),
    /** Roles that always need the approve permission, whatever their rules say. */
    escalatingRoles: z.array(z.string().min(1)).default(['cluster-admin']),
    drift: z
      .object({
        /** How often the drift check runs (once across replicas). */
        frequencyMinutes: z.number().positive().default(10),
        /**
         * Create the bindings a rule wants in namespaces that appeared since the last apply
         * (never escalating ones, never repairs of hand changes: those wait for a person).
         */
        applyNewNamespaces: z.boolean().default(true),
      })
      .strict()
      .default({ frequencyMinutes: 10, applyNewNamespaces: true }),
  })
  .strict();

export type AccessConfig = z.infer<typeof accessConfigSchema>;
