import { z } from 'zod';

/** A catalog entity ref of kind Group, e.g. `group:default/seeiendom`. */
export const groupRefSchema = z
  .string()
  .regex(
    /^group:[a-z0-9-_.]+\/[a-zA-Z0-9-_.]+$/,
    'must be a group entity ref like group:default/<name>',
  );

/** A product team: its catalog group and the IAM groups (Google Workspace emails) that hold its people. */
export const teamSchema = z.object({
  name: z.string().min(1),
  groupRef: groupRefSchema,
  iamGroups: z.array(z.string().email()).default([]),
});
export type Team = z.infer<typeof teamSchema>;

/**
 * A namespace prefix a team owns: every namespace starting with it is the team's, and
 * no other team's prefix may overlap it.
 */
export const namespacePrefixSchema = z.object({
  prefix: z
    .string()
    .regex(
      /^[a-z0-9]([-a-z0-9]*[a-z0-9])?-$/,
      'must be lower-case letters, digits and -, ending with -',
    )
    .max(40),
  team: groupRefSchema,
  /** GCP project per environment, as the prefix registry keeps it today. */
  gcpProjects: z.record(z.string(), z.string()).default({}),
});
export type NamespacePrefix = z.infer<typeof namespacePrefixSchema>;

/** True when the two prefixes could both claim one namespace (one starts with the other). */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
