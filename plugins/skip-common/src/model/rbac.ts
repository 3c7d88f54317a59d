import { z } from 'zod';
import { environmentSchema } from './environment';

/**
 * One access rule: an IAM group gets a ClusterRole, either cluster-wide or in the
 * namespaces matching a prefix, on the clusters of the given environments.
 */
export const rbacRuleSchema = z.object({
  id: z.string(),
  iamGroup: z.string().email(),
  clusterRole: z.string().min(1),
  scope: z.discriminatedUnion('type', [
    z.object({ type: z.literal('cluster') }),
    z.object({
      type: z.literal('namespace-prefix'),
      prefix: z.string().min(1),
    }),
  ]),
  environments: z.array(environmentSchema).min(1),
});
export type RbacRule = z.infer<typeof rbacRuleSchema>;

/** Label the suite puts on every binding it owns, so it never touches bindings it does not. */
export const RBAC_MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const RBAC_MANAGED_BY_VALUE = 'skip-portal';
