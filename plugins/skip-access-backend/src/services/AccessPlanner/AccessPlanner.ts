import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type {
  AccessClusterPlan,
  AccessExport,
  AccessPlan,
} from '@internal/plugin-skip-common';
import { isSystemNamespace } from '@internal/plugin-skip-common';
import { exportYaml } from '../../model/exportYaml';
import { planCluster } from '../../model/planCluster';
import { planDigest } from '../../model/planDigest';
import { desiredBindings } from '../../model/resolveRules';
import { ruleFingerprint } from '../../model/ruleFingerprint';
import type {
  AccessCluster,
  ClusterReading,
  DesiredBinding,
  PlannedChange,
} from '../../model/types';
import type { ClusterRbac } from '../ClusterRbac/ClusterRbac';
import type { RoleEscalation } from '../RoleEscalation/RoleEscalation';
import type { RuleBook, RuleSet } from '../RuleBook/RuleBook';

/** The rules and the clusters as they are now: what a plan, a drift check or an export is made from. */
export type AccessWorld = RuleSet & {
  clusters: AccessCluster[];
  readings: Map<string, ClusterReading>;
};

/** A plan with what applying it needs, per cluster. */
export type DetailedPlan = {
  plan: AccessPlan;
  changes: Map<string, PlannedChange[]>;
  desired: Map<string, DesiredBinding[]>;
  world: AccessWorld;
};

/** Reads the rules and the clusters and works out what each cluster should have. */
export class AccessPlanner {
  private constructor(
    private readonly rules: RuleBook,
    private readonly rbac: ClusterRbac,
    private readonly clusters: AccessCluster[],
    private readonly escalation: RoleEscalation,
    private readonly systemNamespaces: readonly string[],
  ) {}

  static create(options: {
    rules: RuleBook;
    rbac: ClusterRbac;
    clusters: AccessCluster[];
    escalation: RoleEscalation;
    /** `skip.systemNamespaces`: no team prefix reaches them. */
    systemNamespaces: readonly string[];
  }): AccessPlanner {
    return new AccessPlanner(
      options.rules,
      options.rbac,
      options.clusters,
      options.escalation,
      options.systemNamespaces,
    );
  }

  /** The configured clusters, or the named ones (404 naming an unknown one). */
  selectClusters(names?: string[]): AccessCluster[] {
    if (!names?.length) return this.clusters;
    return [...new Set(names)].map(name => {
      const cluster = this.clusters.find(c => c.name === name);
      if (!cluster) throw new NotFoundError(`cluster: no cluster '${name}'`);
      return cluster;
    });
  }

  environmentOf(cluster: string): string {
    return this.clusters.find(c => c.name === cluster)?.environment ?? '';
  }

  async world(names?: string[]): Promise<AccessWorld> {
    const clusters = this.selectClusters(names);
    const [ruleSet, readings] = await Promise.all([
      this.rules.ruleSet(),
      this.rbac.readAll(clusters.map(c => c.name)),
    ]);
    return { ...ruleSet, clusters, readings };
  }

  /** What the rules want on one cluster; namespace-scoped bindings only when its namespaces could be read. */
  desired(world: AccessWorld, cluster: AccessCluster): DesiredBinding[] {
    const reading = world.readings.get(cluster.name);
    return desiredBindings(
      world.rules,
      world.groups,
      cluster,
      reading?.ok ? reading.snapshot.namespaces : undefined,
      this.escalation.forCluster(reading),
      {
        // Every namespace of an admin cluster is the platform's (kubeception control planes).
        isSystemNamespace: namespace =>
          cluster.role === 'admin' ||
          isSystemNamespace(namespace, this.systemNamespaces),
        fingerprintOf: rule => ruleFingerprint(rule, world.groups),
      },
    );
  }

  async plan(names?: string[]): Promise<DetailedPlan> {
    const world = await this.world(names);
    const changes = new Map<string, PlannedChange[]>();
    const desired = new Map<string, DesiredBinding[]>();
    const clusterPlans: AccessClusterPlan[] = world.clusters.map(cluster => {
      const reading = world.readings.get(cluster.name)!;
      if (!reading.ok) {
        return {
          cluster: cluster.name,
          environment: cluster.environment,
          reachable: false,
          error: reading.error,
          changes: [],
          conflicts: [],
          unchanged: 0,
        };
      }
      const wanted = this.desired(world, cluster);
      const planned = planCluster(wanted, reading.snapshot);
      changes.set(cluster.name, planned.changes);
      desired.set(cluster.name, wanted);
      return {
        cluster: cluster.name,
        environment: cluster.environment,
        reachable: true,
        changes: planned.changes.map(c => c.change),
        conflicts: planned.conflicts,
        unchanged: planned.unchanged,
      };
    });
    return {
      plan: {
        digest: planDigest(
          clusterPlans.map(c => ({ cluster: c.cluster, changes: c.changes })),
        ),
        generatedAt: new Date().toISOString(),
        clusters: clusterPlans,
      },
      changes,
      desired,
      world,
    };
  }

  /** A cluster's desired bindings as YAML; 503 when its namespaces cannot be read. */
  async export(clusterName: string): Promise<AccessExport> {
    const [cluster] = this.selectClusters([clusterName]);
    const world = await this.world([clusterName]);
    const reading = world.readings.get(clusterName)!;
    if (!reading.ok) {
      throw new ServiceUnavailableError(
        `Cluster '${clusterName}' could not be read, so its namespaces are unknown: ${reading.error}`,
      );
    }
    return {
      cluster: clusterName,
      yaml: exportYaml(clusterName, this.desired(world, cluster)),
    };
  }
}
