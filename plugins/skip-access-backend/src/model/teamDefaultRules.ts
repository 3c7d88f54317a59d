import { createHash } from 'node:crypto';
import { groupRefName } from './groupRef';
import type { AccessGroupInfo, SourcedRule } from './types';

/** Ids of team default rules start with this; no other rule may use it. */
export const TEAM_DEFAULT_RULE_PREFIX = 'default-';

/** The longest rule id the rule schema allows. */
const MAX_RULE_ID = 40;
const HASH_LENGTH = 6;

/**
 * One rule per team with a namespace prefix: the team gets `role` (edit unless told) in every
 * namespace starting with its prefix, on every user cluster. Teams own their namespaces, so
 * this needs no one to write a rule per team; namespaces that appear later are covered too.
 */
export function teamDefaultRules(
  groups: AccessGroupInfo[],
  role = 'edit',
): SourcedRule[] {
  return groups
    .filter(group => !!group.prefix)
    .map(group => ({
      id: teamDefaultRuleId(group.ref),
      description: `Default for team ${group.title}: ${role} in its own namespaces (every namespace starting with ${group.prefix}, its skip.kartverket.no/namespace-prefix) on every user cluster`,
      group: group.ref,
      role,
      clusters: { type: 'all' as const },
      namespaces: { type: 'team-prefix' as const, team: group.ref },
      source: 'team-default' as const,
    }));
}

/**
 * `default-<group name>`, a valid rule id (a DNS label of at most 40 characters). A name that
 * had to be cut or changed gets a short hash of the ref, so two teams never share an id.
 */
function teamDefaultRuleId(ref: string): string {
  const name = groupRefName(ref);
  const label = name.replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  const id = `${TEAM_DEFAULT_RULE_PREFIX}${label}`;
  if (label === name && id.length <= MAX_RULE_ID) return id;
  const hash = createHash('sha256')
    .update(ref)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const room = MAX_RULE_ID - TEAM_DEFAULT_RULE_PREFIX.length - HASH_LENGTH - 1;
  const cut = label.slice(0, room).replace(/-+$/, '');
  return `${TEAM_DEFAULT_RULE_PREFIX}${cut ? `${cut}-` : ''}${hash}`;
}
