import { InputError, NotFoundError } from '@backstage/errors';
import type {
  AccessGrant,
  EffectiveAccess,
} from '@internal/plugin-skip-common';
import {
  grantsFromBindings,
  grantsFromRules,
} from '../../model/effectiveAccess';
import type { AccessPlanner } from '../AccessPlanner/AccessPlanner';
import type { GroupDirectory } from '../GroupDirectory/GroupDirectory';
import { normaliseRef } from '../GroupDirectory/GroupDirectory';
import type { RoleEscalation } from '../RoleEscalation/RoleEscalation';

/**
 * "What can this group or user do, where": the grants the rules make (applied or not) and
 * every binding on the clusters that names the group's IAM emails or the user, whoever made
 * it, each with where it comes from.
 */
export class EffectiveAccessService {
  private constructor(
    private readonly planner: AccessPlanner,
    private readonly groups: GroupDirectory,
    private readonly escalation: RoleEscalation,
  ) {}

  static create(options: {
    planner: AccessPlanner;
    groups: GroupDirectory;
    escalation: RoleEscalation;
  }): EffectiveAccessService {
    return new EffectiveAccessService(
      options.planner,
      options.groups,
      options.escalation,
    );
  }

  async of(query: { group?: string; user?: string }): Promise<EffectiveAccess> {
    if (Boolean(query.group) === Boolean(query.user)) {
      throw new InputError(
        'group: give either group or user, not both or neither',
      );
    }
    const world = await this.planner.world();
    let subject: EffectiveAccess['subject'];
    if (query.group) {
      const ref = normaliseRef(query.group, 'group');
      const group = world.groups.find(g => g.ref === ref);
      if (!group)
        throw new NotFoundError(`group: no group '${ref}' in the catalog`);
      subject = {
        ref,
        kind: 'group',
        groups: [ref],
        iamGroups: group.iamGroups,
      };
    } else {
      const user = await this.groups.user(query.user!);
      const iamGroups = world.groups
        .filter(g => user.groupRefs.includes(g.ref))
        .flatMap(g => g.iamGroups);
      subject = {
        ref: user.ref,
        kind: 'user',
        groups: user.groupRefs,
        iamGroups: [...new Set(iamGroups)].sort(),
        ...(user.email ? { email: user.email } : {}),
      };
    }
    const groupRefs = new Set(subject.groups);
    const iamGroups = new Set(subject.iamGroups);
    const grants: AccessGrant[] = [];
    const unreachable: EffectiveAccess['unreachable'] = [];
    for (const cluster of world.clusters) {
      const reading = world.readings.get(cluster.name)!;
      grants.push(
        ...grantsFromRules(
          this.planner.desired(world, cluster),
          c => this.planner.environmentOf(c),
          groupRefs,
        ),
      );
      if (!reading.ok) {
        unreachable.push({ cluster: cluster.name, error: reading.error });
        continue;
      }
      grants.push(
        ...grantsFromBindings(
          reading.snapshot,
          cluster.environment,
          iamGroups,
          subject.email,
          this.escalation.forCluster(reading),
        ),
      );
    }
    return { subject, grants: oneGrantPerPlace(grants), unreachable };
  }
}

/**
 * One grant per role, place and source: a binding of a group with two IAM emails is one grant
 * bound to both, not two rows that say the same.
 */
function oneGrantPerPlace(grants: AccessGrant[]): AccessGrant[] {
  const merged = new Map<string, AccessGrant>();
  for (const grant of grants) {
    const key = JSON.stringify([
      grant.cluster,
      grant.namespace ?? '',
      grant.roleKind ?? '',
      grant.role,
      grant.via,
      grant.ruleId ?? '',
      grant.binding?.kind ?? '',
      grant.binding?.namespace ?? '',
      grant.binding?.name ?? '',
    ]);
    const seen = merged.get(key);
    if (!seen) merged.set(key, { ...grant });
    else if (!seen.subject.split(', ').includes(grant.subject)) {
      seen.subject = `${seen.subject}, ${grant.subject}`;
    }
  }
  return [...merged.values()];
}
