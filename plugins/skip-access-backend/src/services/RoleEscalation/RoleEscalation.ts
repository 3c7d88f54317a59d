import {
  DEFAULT_ESCALATING_ROLES,
  isEscalatingRole,
} from '../../model/escalatingRoles';
import type { ClusterReading, LivePolicyRule } from '../../model/types';

/**
 * Tells escalating roles: the configured names always, and any role whose rules on a cluster
 * can grant, bind or impersonate. Remembers the roles it last saw, so a rule can be judged
 * before any cluster is read for it.
 */
export class RoleEscalation {
  private readonly always: ReadonlySet<string>;
  private readonly seen = new Map<string, LivePolicyRule[]>();

  constructor(escalatingRoles: readonly string[] = DEFAULT_ESCALATING_ROLES) {
    this.always = new Set(escalatingRoles);
  }

  /** Judges roles by this cluster's ClusterRoles (unreadable: by the names and what was seen). */
  forCluster(reading: ClusterReading | undefined): (role: string) => boolean {
    if (!reading?.ok) return role => this.anywhere(role);
    for (const [name, rules] of Object.entries(reading.snapshot.clusterRoles)) {
      this.seen.set(name, rules);
    }
    const roles = reading.snapshot.clusterRoles;
    return role => isEscalatingRole(role, roles[role], this.always);
  }

  /** Judges a role by the names and the last rules seen on any cluster. */
  anywhere(role: string): boolean {
    return isEscalatingRole(role, this.seen.get(role), this.always);
  }
}
