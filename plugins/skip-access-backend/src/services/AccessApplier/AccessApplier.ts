import type { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError, ServiceUnavailableError } from '@backstage/errors';
import type {
  AccessApplyResult,
  AccessClusterApplyResult,
} from '@internal/plugin-skip-common';
import type { Caller } from '@internal/plugin-skip-node';
import type { AccessStore } from '../../database/AccessStore';
import { repairChanges } from '../../model/unattendedChanges';
import type {
  AppliedBinding,
  AppliedBindingKey,
  PlannedChange,
} from '../../model/types';
import type { AccessPermissions } from '../AccessPermissions/AccessPermissions';
import type {
  AccessPlanner,
  DetailedPlan,
} from '../AccessPlanner/AccessPlanner';
import type { ClusterRbac } from '../ClusterRbac/ClusterRbac';

/** Writes to one cluster at a time: enough to apply thousands of namespaces quickly, few enough for its API server. */
const CHANGES_IN_FLIGHT = 8;

/**
 * Carries out plans: each cluster on its own (one that is down fails alone), each change
 * audited, what was applied remembered (with the rule's fingerprint) so drift can tell a
 * binding deleted by hand and repeat only what a person applied.
 */
export class AccessApplier {
  private constructor(
    private readonly planner: AccessPlanner,
    private readonly rbac: ClusterRbac,
    private readonly store: AccessStore,
    private readonly permissions: AccessPermissions,
    private readonly auditor: AuditorService,
  ) {}

  static create(options: {
    planner: AccessPlanner;
    rbac: ClusterRbac;
    store: AccessStore;
    permissions: AccessPermissions;
    auditor: AuditorService;
  }): AccessApplier {
    return new AccessApplier(
      options.planner,
      options.rbac,
      options.store,
      options.permissions,
      options.auditor,
    );
  }

  /** Applies the plan the caller previewed; 409 when the rules or clusters changed since. */
  async apply(
    planDigest: string,
    clusters: string[] | undefined,
    caller: Caller,
  ): Promise<AccessApplyResult> {
    const detailed = await this.planner.plan(clusters);
    if (detailed.plan.digest !== planDigest) {
      throw new ConflictError(
        'planDigest: the plan changed since it was previewed (a rule, a namespace or a binding changed); look at the new plan and apply that',
      );
    }
    await this.requireEscalationApproval(
      detailed.plan.clusters.flatMap(c => c.changes),
      caller,
    );
    // One event for the apply as a whole, failed when any cluster's part failed.
    const event = await this.auditor.createEvent({
      eventId: 'access-plan-apply',
      severityLevel: 'medium',
      request: caller.request,
      meta: {
        planDigest,
        clusters: detailed.plan.clusters.map(c => c.cluster).join(','),
        changes: detailed.plan.clusters.reduce(
          (n, c) => n + c.changes.length,
          0,
        ),
      },
    });
    const results = await this.applyClusters(detailed, caller);
    const incomplete = results.filter(
      r => r.outcome === 'failed' || r.outcome === 'partial',
    );
    if (incomplete.length === 0) await event.success();
    else {
      await event.fail({
        error: new Error(
          `Not applied everywhere: ${incomplete
            .map(r => `${r.cluster} ${r.outcome}`)
            .join(', ')}`,
        ),
      });
    }
    return { clusters: results };
  }

  /**
   * Puts a cluster's managed bindings back as a person applied them: those changed or deleted
   * by hand, and those of applied rules in new namespaces. A rule added or edited since, and a
   * binding no rule wants, wait for a plan.
   */
  async repair(
    cluster: string,
    caller: Caller,
  ): Promise<AccessClusterApplyResult> {
    const detailed = await this.planner.plan([cluster]);
    const [clusterPlan] = detailed.plan.clusters;
    if (!clusterPlan.reachable) {
      return failed(cluster, clusterPlan.error ?? 'unreachable');
    }
    const changes = repairChanges(
      detailed.changes.get(cluster) ?? [],
      await this.store.appliedBindings(cluster),
    );
    await this.requireEscalationApproval(
      changes.map(c => c.change),
      caller,
    );
    return this.applyChanges(cluster, changes, caller, 'repair access drift');
  }

  /** Applies some changes of one cluster; used by the drift check for new namespaces too. */
  async applyChanges(
    cluster: string,
    changes: PlannedChange[],
    caller: Caller | undefined,
    action: string,
  ): Promise<AccessClusterApplyResult> {
    const result: AccessClusterApplyResult = {
      cluster,
      outcome: 'unchanged',
      created: 0,
      updated: 0,
      deleted: 0,
      errors: [],
    };
    const applied: AppliedBinding[] = [];
    const deleted: AppliedBindingKey[] = [];
    let unavailable: string | undefined;
    const applyOne = async ({ change, desired }: PlannedChange) => {
      if (unavailable) {
        result.errors.push(
          `${change.kind} ${change.name}: not tried, the cluster stopped answering`,
        );
        return;
      }
      try {
        if (change.action === 'delete') {
          await this.rbac.delete(cluster, change, caller, action);
          deleted.push({
            cluster,
            kind: change.kind,
            namespace: change.namespace,
            name: change.name,
          });
          result.deleted++;
        } else {
          await this.rbac.apply(desired!, caller, action);
          applied.push({
            cluster,
            kind: desired!.kind,
            namespace: desired!.namespace,
            name: desired!.name,
            ruleId: desired!.ruleId,
            ruleFingerprint: desired!.ruleFingerprint ?? '',
          });
          if (change.action === 'create') result.created++;
          else result.updated++;
        }
      } catch (error) {
        // A cluster that stops answering fails the rest of its part at once, not one deadline each.
        if (error instanceof ServiceUnavailableError)
          unavailable = error.message;
        result.errors.push((error as Error).message);
      }
    };
    // Each change names its own binding (the role is in the name), so they may run side by side.
    const queue = [...changes];
    await Promise.all(
      Array.from(
        { length: Math.min(CHANGES_IN_FLIGHT, queue.length) },
        async () => {
          for (let next = queue.shift(); next; next = queue.shift()) {
            await applyOne(next);
          }
        },
      ),
    );
    try {
      await this.store.recordApplied(cluster, applied, deleted);
    } catch (error) {
      result.errors.push(
        `Applied, but not remembered (drift will call these bindings never applied): ${
          (error as Error).message
        }`,
      );
    }
    const done = result.created + result.updated + result.deleted;
    if (result.errors.length === 0) {
      result.outcome = done > 0 ? 'applied' : 'unchanged';
    } else {
      result.outcome = done > 0 ? 'partial' : 'failed';
    }
    return result;
  }

  private applyClusters(detailed: DetailedPlan, caller: Caller) {
    return Promise.all(
      detailed.plan.clusters.map(clusterPlan =>
        clusterPlan.reachable
          ? this.applyChanges(
              clusterPlan.cluster,
              detailed.changes.get(clusterPlan.cluster) ?? [],
              caller,
              'apply access plan',
            )
          : failed(clusterPlan.cluster, clusterPlan.error ?? 'unreachable'),
      ),
    );
  }

  private async requireEscalationApproval(
    changes: { action: string; escalating: boolean }[],
    caller: Caller,
  ): Promise<void> {
    if (changes.some(c => c.escalating && c.action !== 'delete')) {
      await this.permissions.require(caller.credentials, 'approveEscalation');
    }
  }
}

function failed(cluster: string, error: string): AccessClusterApplyResult {
  return {
    cluster,
    outcome: 'failed',
    created: 0,
    updated: 0,
    deleted: 0,
    errors: [error],
  };
}
