import { z } from 'zod';
import { environmentSchema } from '../model/environment';
import type { AccessFieldError, AccessRuleInput } from './types';

const dnsLabel = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const groupRef = z
  .string()
  .max(200)
  .regex(
    /^group:([a-z0-9][-a-z0-9._]*\/)?[a-zA-Z0-9][-a-zA-Z0-9._]*$/,
    'must be a catalog group ref such as group:default/seeiendom',
  );

const clusterScopeSchema = z
  .object({
    type: z.enum(['all', 'environment', 'cluster']),
    environment: environmentSchema.optional(),
    cluster: z
      .string()
      .max(63)
      .regex(dnsLabel, 'must be a cluster name (a DNS label)')
      .optional(),
  })
  .strict()
  .superRefine((scope, ctx) => {
    if (scope.type === 'environment' && !scope.environment) {
      ctx.addIssue({
        code: 'custom',
        path: ['environment'],
        message: 'is required when type is environment',
      });
    }
    if (scope.type === 'cluster' && !scope.cluster) {
      ctx.addIssue({
        code: 'custom',
        path: ['cluster'],
        message: 'is required when type is cluster',
      });
    }
    if (scope.type !== 'environment' && scope.environment) {
      ctx.addIssue({
        code: 'custom',
        path: ['environment'],
        message: 'is only allowed when type is environment',
      });
    }
    if (scope.type !== 'cluster' && scope.cluster) {
      ctx.addIssue({
        code: 'custom',
        path: ['cluster'],
        message: 'is only allowed when type is cluster',
      });
    }
  });

const namespaceScopeSchema = z
  .object({
    type: z.enum(['cluster-wide', 'names', 'team-prefix']),
    names: z
      .array(
        z
          .string()
          .max(63)
          .regex(dnsLabel, 'must be a namespace name (a DNS label)'),
      )
      .max(100)
      .optional(),
    team: groupRef.optional(),
  })
  .strict()
  .superRefine((scope, ctx) => {
    if (scope.type === 'names') {
      if (!scope.names?.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['names'],
          message: 'needs at least one namespace when type is names',
        });
      } else if (new Set(scope.names).size !== scope.names.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['names'],
          message: 'lists a namespace twice',
        });
      }
    } else if (scope.names) {
      ctx.addIssue({
        code: 'custom',
        path: ['names'],
        message: 'is only allowed when type is names',
      });
    }
    if (scope.type === 'team-prefix' && !scope.team) {
      ctx.addIssue({
        code: 'custom',
        path: ['team'],
        message: 'is required when type is team-prefix',
      });
    }
    if (scope.type !== 'team-prefix' && scope.team) {
      ctx.addIssue({
        code: 'custom',
        path: ['team'],
        message: 'is only allowed when type is team-prefix',
      });
    }
  });

/**
 * One access rule: a catalog group (bound through its IAM group emails) gets a ClusterRole
 * on some clusters, cluster-wide or in some namespaces. The one validation of rules, for the
 * API, the rules folder and the editor.
 */
export const accessRuleInputSchema = z
  .object({
    id: z
      .string()
      .min(1)
      .max(40)
      .regex(
        dnsLabel,
        'must be lower-case letters, digits and - (a DNS label)',
      ),
    description: z.string().max(500).optional(),
    group: groupRef,
    role: z
      .string()
      .min(1)
      .max(100)
      .regex(
        /^[a-zA-Z0-9][-a-zA-Z0-9:._]*$/,
        'must be a ClusterRole name (letters, digits, -, :, . and _)',
      ),
    clusters: clusterScopeSchema,
    namespaces: namespaceScopeSchema,
  })
  .strict();

/** Every problem of a would-be rule, each naming its field as a dotted path. */
export function accessRuleFieldErrors(input: unknown): AccessFieldError[] {
  const result = accessRuleInputSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map(issue => ({
    field: issue.path.join('.') || '(rule)',
    message: issue.message,
  }));
}

/** Parses a rule, or throws an Error whose message names the rule and every bad field. */
export function parseAccessRuleInput(
  input: unknown,
  where = 'rule',
): AccessRuleInput {
  const result = accessRuleInputSchema.safeParse(input);
  if (result.success) return result.data as AccessRuleInput;
  const id =
    typeof (input as { id?: unknown })?.id === 'string'
      ? ` '${(input as { id: string }).id}'`
      : '';
  throw new Error(
    `${where}${id}: ${result.error.issues
      .map(i => `${i.path.join('.') || '(rule)'}: ${i.message}`)
      .join('; ')}`,
  );
}
