import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  isSystemNamespace,
  namespaceOwner,
  NamespaceClaimant,
  parseClusterNamespaceRef,
  skipNamespaceReadPermission,
} from '@internal/plugin-skip-common';
import {
  ClusterNamespaceResource,
  ResourcePermissionGate,
  SkipConfig,
} from '@internal/plugin-skip-node';
import { FleetCache } from '../FleetCache';
import { TeamDirectory } from './TeamDirectory';

const VERBS: Record<string, string> = {
  'skip.fleet.namespace.read': 'look into',
  'skip.argocd.app.refresh': 'refresh Argo CD apps deploying to',
  'skip.argocd.app.sync': 'sync Argo CD apps deploying to',
};

/** Says who may, in the words a refused user reads. */
function deniedReason(resource: ClusterNamespaceResource, verb: string) {
  const { cluster, namespace, owner } = resource;
  if (!namespace) {
    return `Cluster-wide objects on cluster '${cluster}' belong to the platform: only the platform team may ${verb} them`;
  }
  if (resource.system) {
    return `Namespace '${namespace}' on cluster '${cluster}' belongs to the platform: only the platform team may ${verb} it`;
  }
  const team = owner ? ` (${owner})` : '';
  return `Only the team that owns namespace '${namespace}' on cluster '${cluster}'${team} and the platform team may ${verb} it`;
}

/**
 * Who owns a namespace of a cluster, and whether the caller may do a namespace-scoped
 * thing there. Ownership is the one rule of the common package (team label, else
 * prefix); platform namespaces are `skip.systemNamespaces` and all of an admin cluster.
 */
export class NamespaceAccess {
  private constructor(
    private readonly cache: FleetCache,
    private readonly teams: TeamDirectory,
    private readonly config: SkipConfig,
    private readonly gate: ResourcePermissionGate<ClusterNamespaceResource>,
  ) {}

  static create(options: {
    cache: FleetCache;
    teams: TeamDirectory;
    config: SkipConfig;
    gate: ResourcePermissionGate<ClusterNamespaceResource>;
  }): NamespaceAccess {
    return new NamespaceAccess(
      options.cache,
      options.teams,
      options.config,
      options.gate,
    );
  }

  /** A predicate for "is this namespace the team's", for the team views. */
  async ownedBy(
    groupRef: string,
  ): Promise<
    (cluster: string, namespace: string, teamLabel?: string) => boolean
  > {
    const claimants = await this.teams.claimants();
    const team = groupRef.toLocaleLowerCase('en-US');
    return (cluster, namespace, teamLabel) =>
      namespaceOwner(
        {
          name: namespace,
          teamLabel:
            teamLabel ?? this.cache.namespaceTeamLabel(cluster, namespace),
        },
        claimants,
      ) === team;
  }

  /** The permission resource of a namespace on a cluster. */
  async resource(
    cluster: string,
    namespace: string,
    claimants?: NamespaceClaimant[],
  ): Promise<ClusterNamespaceResource> {
    const configured = this.config.cluster(cluster);
    const watched = this.cache.namespace(cluster, namespace);
    return {
      cluster,
      namespace,
      // A namespace the cache has not seen (not synced yet, or not readable) has no owner:
      // its team label might say otherwise, so only the platform team may look until it is known.
      owner: watched
        ? namespaceOwner(
            {
              name: namespace,
              teamLabel: watched.metadata?.labels?.team,
            },
            claimants ?? (await this.teams.claimants()),
          )
        : undefined,
      // An unknown cluster, an admin cluster, or no namespace at all (cluster-wide objects)
      // holds nothing a product team owns.
      system:
        !configured ||
        !namespace ||
        configured.metadata.role === 'admin' ||
        isSystemNamespace(namespace, this.config.systemNamespaces),
    };
  }

  /** Resources for `<cluster>/<namespace>` refs, for the permission framework's apply-conditions. */
  async resourcesForRefs(
    refs: string[],
  ): Promise<Array<ClusterNamespaceResource | undefined>> {
    const claimants = await this.teams.claimants();
    return Promise.all(
      refs.map(ref => {
        const parsed = parseClusterNamespaceRef(ref);
        return parsed
          ? this.resource(parsed.cluster, parsed.namespace, claimants)
          : undefined;
      }),
    );
  }

  /** Throws a 403 that says who may, unless the caller holds the permission on the namespace. */
  async require(
    permission: ResourcePermission,
    credentials: BackstageCredentials,
    cluster: string,
    namespace: string,
  ): Promise<void> {
    const resource = await this.resource(cluster, namespace);
    await this.gate.require(
      permission,
      credentials,
      resource,
      deniedReason(resource, VERBS[permission.name] ?? permission.name),
    );
  }

  /**
   * Throws a 404 for a cluster that is not configured, then a 403 unless the caller may
   * look into the namespace (live details, events, logs).
   */
  async requireToLookInto(
    credentials: BackstageCredentials,
    cluster: string,
    namespace: string,
  ): Promise<void> {
    if (!this.config.cluster(cluster)) {
      throw new NotFoundError(`No cluster '${cluster}'`);
    }
    await this.require(
      skipNamespaceReadPermission,
      credentials,
      cluster,
      namespace,
    );
  }
}
