import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AccessClusterDrift,
  AccessDriftReport,
} from '@internal/plugin-skip-common';
import type { AccessStore } from '../../database/AccessStore';
import { findDrift } from '../../model/findDrift';
import type { AccessApplier } from '../AccessApplier/AccessApplier';
import type { AccessPlanner } from '../AccessPlanner/AccessPlanner';

/**
 * The drift check: per cluster, managed bindings changed or deleted by hand, same-name
 * bindings the portal does not own, and unmanaged bindings that give a managed group more
 * than its rules. Bindings that a rule already applied on the cluster wants in namespaces
 * that appeared since are created here (when configured, never escalating ones); a rule never
 * applied waits for its plan, and everything else waits for a person to repair it.
 */
export class DriftChecker {
  private constructor(
    private readonly planner: AccessPlanner,
    private readonly applier: AccessApplier,
    private readonly store: AccessStore,
    private readonly logger: LoggerService,
    private readonly applyNewNamespaces: boolean,
  ) {}

  static create(options: {
    planner: AccessPlanner;
    applier: AccessApplier;
    store: AccessStore;
    logger: LoggerService;
    applyNewNamespaces: boolean;
  }): DriftChecker {
    return new DriftChecker(
      options.planner,
      options.applier,
      options.store,
      options.logger,
      options.applyNewNamespaces,
    );
  }

  async check(): Promise<AccessDriftReport> {
    const detailed = await this.planner.plan();
    const { world } = detailed;
    const applied = await this.store.appliedBindings();
    const managedGroupRefs = new Set(
      world.rules.map(r => r.group.toLocaleLowerCase('en-US')),
    );
    const checkedAt = new Date();
    for (const cluster of world.clusters) {
      const reading = world.readings.get(cluster.name)!;
      let drift: AccessClusterDrift;
      if (!reading.ok) {
        drift = {
          cluster: cluster.name,
          environment: cluster.environment,
          reachable: false,
          error: reading.error,
          findings: [],
        };
      } else {
        const desired = detailed.desired.get(cluster.name) ?? [];
        const mine = applied.filter(a => a.cluster === cluster.name);
        let autoApplied = 0;
        if (this.applyNewNamespaces) {
          // Only rules a person has applied on this cluster before: a new rule waits for its plan.
          const appliedRules = new Set(mine.map(a => a.ruleId));
          const fresh = (detailed.changes.get(cluster.name) ?? []).filter(
            c =>
              c.change.action === 'create' &&
              !c.change.escalating &&
              c.desired !== undefined &&
              appliedRules.has(c.desired.ruleId) &&
              !mine.some(
                a =>
                  a.kind === c.change.kind &&
                  (a.namespace ?? '') === (c.change.namespace ?? '') &&
                  a.name === c.change.name,
              ),
          );
          if (fresh.length > 0) {
            const result = await this.applier.applyChanges(
              cluster.name,
              fresh,
              undefined,
              'create bindings in new namespaces (drift check)',
            );
            autoApplied = result.created;
            for (const error of result.errors) {
              this.logger.warn(
                `Access drift check on ${cluster.name}: ${error}`,
              );
            }
          }
        }
        const appliedNow = autoApplied
          ? await this.store.appliedBindings(cluster.name)
          : mine;
        const live = autoApplied
          ? await this.planner.world([cluster.name])
          : undefined;
        const snapshot = live?.readings.get(cluster.name);
        drift = {
          cluster: cluster.name,
          environment: cluster.environment,
          reachable: true,
          findings: findDrift(
            desired,
            snapshot?.ok ? snapshot.snapshot : reading.snapshot,
            appliedNow,
            world.groups,
            managedGroupRefs,
          ),
          autoApplied,
        };
      }
      await this.store.saveDrift(drift, checkedAt);
    }
    return this.report();
  }

  async report(): Promise<AccessDriftReport> {
    const rows = await this.store.listDrift();
    const known = new Set(this.planner.selectClusters().map(c => c.name));
    const current = rows.filter(r => known.has(r.report.cluster));
    if (current.length === 0) return { clusters: [] };
    return {
      checkedAt: new Date(
        Math.max(...current.map(r => r.checkedAt.getTime())),
      ).toISOString(),
      clusters: current.map(r => r.report),
    };
  }
}
