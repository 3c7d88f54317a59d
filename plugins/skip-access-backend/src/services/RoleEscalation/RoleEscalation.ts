import {
  DEFAULT_ESCALATING_ROLES,
  isEscalatingRole,
} from '../../model/escalatingRoles';
import type { ClusterReading, LivePolicyRule } from '../../model/types';

/** Kubernetes' own user-facing roles: what they allow is known even where a cluster cannot be read. */
const STOCK_ROLES: ReadonlySet<string> = new Set(['view', 'edit', 'admin']);

/**
 * Tells escalating roles: the configured names always, any role whose rules on a cluster can
 * grant, bind or impersonate, and (failing closed) a custom role a cluster does not have or
 * whose cluster cannot be read, since nobody can say what it will allow.
 */
export class RoleEscalation {
  private readonly always: ReadonlySet<string>;
  private readonly seen = new Map<string, LivePolicyRule[]>();

  constructor(escalatingRoles: readonly string[] = DEFAULT_ESCALATING_ROLES) {
    this.always = new Set(escalatingRoles);
  }

  /** Judges roles by this cluster's ClusterRoles. */
  forCluster(reading: ClusterReading | undefined): (role: string) => boolean {
    if (!reading?.ok) return role => this.unknown(role);
    const roles = reading.snapshot.clusterRoles;
    for (const [name, rules] of Object.entries(roles)) {
      this.seen.set(name, rules);
    }
    return role =>
      roles[role]
        ? isEscalatingRole(role, roles[role], this.always)
        : this.unknown(role);
  }

  /** Judges a rule's role on every cluster it covers (for writing it): escalating on any is escalating. */
  onClusters(role: string, readings: ClusterReading[]): boolean {
    if (readings.length === 0) return this.unknown(role);
    return readings.some(reading => this.forCluster(reading)(role));
  }

  /**
   * A quick judgement for lists, from the names and the roles last seen on any cluster; writes
   * and applies use {@link onClusters} and {@link forCluster}.
   */
  anywhere(role: string): boolean {
    const rules = this.seen.get(role);
    return rules
      ? isEscalatingRole(role, rules, this.always)
      : this.unknown(role);
  }

  private unknown(role: string): boolean {
    return this.always.has(role) || !STOCK_ROLES.has(role);
  }
}
