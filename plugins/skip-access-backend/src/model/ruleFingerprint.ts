import { createHash } from 'node:crypto';
import { findGroup } from './groupRef';
import type { AccessGroupInfo, SourcedRule } from './types';

/**
 * What a rule resolves to, as a sha256: the rule itself (not who wrote it or where it lives),
 * its group's IAM emails and, for a team-prefix rule, the team's prefix. A change to any of
 * them gives another fingerprint, so a binding the drift check or a repair writes on its own
 * is always one a person applied with the rule as it is now.
 */
export function ruleFingerprint(
  rule: SourcedRule,
  groups: AccessGroupInfo[],
): string {
  const team =
    rule.namespaces.type === 'team-prefix'
      ? findGroup(groups, rule.namespaces.team ?? '')
      : undefined;
  const canonical = {
    id: rule.id,
    group: rule.group.toLocaleLowerCase('en-US'),
    role: rule.role,
    clusters: {
      type: rule.clusters.type,
      environment: rule.clusters.environment ?? null,
      cluster: rule.clusters.cluster ?? null,
    },
    namespaces: {
      type: rule.namespaces.type,
      names: [...(rule.namespaces.names ?? [])].sort(),
      team: rule.namespaces.team?.toLocaleLowerCase('en-US') ?? null,
    },
    iamGroups: [...(findGroup(groups, rule.group)?.iamGroups ?? [])].sort(),
    prefix: team?.prefix ?? null,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}
