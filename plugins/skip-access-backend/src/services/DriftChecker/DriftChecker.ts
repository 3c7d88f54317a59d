import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  AccessClusterDrift,
  AccessDriftFinding,
  AccessDriftReport,
} from '@internal/plugin-skip-common';
import type { Caller } from '@internal/plugin-skip-node';
import type { AccessStore } from '../../database/AccessStore';
import { findDrift } from '../../model/findDrift';
import { bindingKey } from '../../model/bindingKey';
import {
  newNamespaceCreates,
  repairChanges,
} from '../../model/unattendedChanges';
import type { PlannedChange } from '../../model/types';
import type { AccessApplier } from '../AccessApplier/AccessApplier';
import type { AccessPlanner } from '../AccessPlanner/AccessPlanner';

/**
 * The drift check: per cluster, managed bindings changed or deleted by hand, same-name
 * bindings the portal does not own, and unmanaged bindings that give a managed group more
 * than its rules. Bindings that a rule a person applied on the cluster, unchanged since, wants
 * in namespaces that appeared since are created here (when configured, never escalating ones);
 * a rule new or edited since waits for its plan, and everything else for a person's repair.
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

  /** Checks every cluster; `caller` is who asked (absent when the scheduler runs it). */
  async check(caller?: Caller): Promise<AccessDriftReport> {
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
          const fresh = newNamespaceCreates(
            detailed.changes.get(cluster.name) ?? [],
            mine,
          );
          if (fresh.length > 0) {
            const result = await this.applier.applyChanges(
              cluster.name,
              fresh,
              caller,
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
          findings: repairableAsRepairWould(
            findDrift(
              desired,
              snapshot?.ok ? snapshot.snapshot : reading.snapshot,
              appliedNow,
              world.groups,
              managedGroupRefs,
            ),
            repairChanges(detailed.changes.get(cluster.name) ?? [], appliedNow),
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

/** A finding is repairable exactly when a repair would write its binding (see repairChanges). */
function repairableAsRepairWould(
  findings: AccessDriftFinding[],
  repairs: PlannedChange[],
): AccessDriftFinding[] {
  const fixed = new Set(repairs.map(r => bindingKey(r.change)));
  return findings.map(f => ({
    ...f,
    repairable: fixed.has(bindingKey(f)),
  }));
}
