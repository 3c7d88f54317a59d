import type { AuditorService } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  PatchStrategy,
  RbacAuthorizationV1Api,
  CoreV1Api,
  V1ClusterRole,
  V1ClusterRoleBinding,
  V1RoleBinding,
} from '@kubernetes/client-node';
import {
  RBAC_FIELD_MANAGER,
  RBAC_MANAGED_BY_LABEL,
  RBAC_MANAGED_BY_VALUE,
} from '@internal/plugin-skip-common';
import {
  auditClusterChange,
  Caller,
  ClusterCalls,
  ClusterClients,
} from '@internal/plugin-skip-node';
import { bindingManifest } from '../../model/bindingManifest';
import type {
  ClusterReading,
  ClusterSnapshot,
  DesiredBinding,
  LiveBinding,
} from '../../model/types';

const RBAC_API_VERSION = 'rbac.authorization.k8s.io/v1';

function toLiveBinding(
  kind: LiveBinding['kind'],
  item: V1RoleBinding | V1ClusterRoleBinding,
): LiveBinding {
  return {
    kind,
    ...(kind === 'RoleBinding' && item.metadata?.namespace
      ? { namespace: item.metadata.namespace }
      : {}),
    name: item.metadata?.name ?? '',
    labels: item.metadata?.labels ?? {},
    annotations: item.metadata?.annotations ?? {},
    roleRef: { kind: item.roleRef.kind, name: item.roleRef.name },
    subjects: (item.subjects ?? []).map(s => ({
      kind: s.kind,
      name: s.name,
      ...(s.namespace ? { namespace: s.namespace } : {}),
      ...(s.apiGroup ? { apiGroup: s.apiGroup } : {}),
    })),
  };
}

/** Where a binding lives, for messages and the audit log. */
export function bindingPlace(b: {
  kind: string;
  namespace?: string;
  name: string;
}): string {
  return b.namespace
    ? `${b.kind} ${b.namespace}/${b.name}`
    : `${b.kind} ${b.name}`;
}

/**
 * Reads and writes the RBAC of clusters. Writes touch only bindings that carry the portal's
 * managed-by label (or do not exist yet), look again right before they write, and are
 * audited one by one.
 */
export class ClusterRbac {
  private constructor(
    private readonly calls: ClusterCalls,
    private readonly auditor: AuditorService,
  ) {}

  static create(options: {
    calls: ClusterCalls;
    auditor: AuditorService;
  }): ClusterRbac {
    return new ClusterRbac(options.calls, options.auditor);
  }

  /** One cluster's namespaces, bindings and ClusterRoles, or why it could not be read. */
  async read(cluster: string): Promise<ClusterReading> {
    try {
      const snapshot = await this.calls.call(
        cluster,
        'RBAC bindings',
        clients => readSnapshot(cluster, clients),
      );
      return { cluster, ok: true, snapshot };
    } catch (error) {
      return { cluster, ok: false, error: (error as Error).message };
    }
  }

  /**
   * Only the ClusterRoles of some clusters, to judge a rule's role when it is written (the
   * editor asks on every pause in typing): one list per cluster instead of the four a plan reads.
   * The readings hold no namespaces or bindings.
   */
  async readClusterRoles(clusters: string[]): Promise<ClusterReading[]> {
    return Promise.all(
      clusters.map(async (cluster): Promise<ClusterReading> => {
        try {
          const roles = await this.calls.call(
            cluster,
            'ClusterRoles',
            clients => clients.api(RbacAuthorizationV1Api).listClusterRole(),
          );
          return {
            cluster,
            ok: true,
            snapshot: {
              cluster,
              namespaces: [],
              bindings: [],
              clusterRoles: clusterRolesOf(roles.items),
            },
          };
        } catch (error) {
          return { cluster, ok: false, error: (error as Error).message };
        }
      }),
    );
  }

  /** Every cluster in parallel; a cluster that is down is one failed reading. */
  async readAll(clusters: string[]): Promise<Map<string, ClusterReading>> {
    const readings = await Promise.all(clusters.map(c => this.read(c)));
    return new Map(readings.map(r => [r.cluster, r]));
  }

  /**
   * Writes a desired binding. One that does not exist is created (POST: a same-name binding
   * someone makes in the meantime makes it fail, never taken over); one of ours is server-side
   * applied with the portal's field manager and the resourceVersion just read as a precondition;
   * one without the portal's label is refused (409). A binding of ours whose roleRef differs is
   * deleted and created again, since roleRef cannot change.
   */
  async apply(
    desired: DesiredBinding,
    caller: Caller | undefined,
    action: string,
  ): Promise<void> {
    const manifest = bindingManifest(desired);
    await auditClusterChange(
      {
        auditor: this.auditor,
        eventId: 'access-binding-apply',
        request: caller?.request,
        target: {
          cluster: desired.cluster,
          namespace: desired.namespace,
          apiVersion: RBAC_API_VERSION,
          kind: desired.kind,
          name: desired.name,
        },
        action,
        severityLevel: desired.escalating ? 'high' : 'medium',
        meta: {
          role: desired.role,
          rule: desired.ruleId,
          groups: desired.groups.join(','),
          by: caller ? undefined : 'scheduled drift check',
        },
      },
      () =>
        this.calls.call(
          desired.cluster,
          bindingPlace(desired),
          async clients => {
            const live = await readBinding(clients, desired);
            if (live && !isOurs(live)) {
              throw new ConflictError(
                `${bindingPlace(
                  desired,
                )} exists and is not managed by the portal; left alone`,
              );
            }
            if (!live) {
              await createBinding(clients, manifest, desired);
              return;
            }
            if (
              live.roleRef.kind !== 'ClusterRole' ||
              live.roleRef.name !== desired.role
            ) {
              await this.deleteAudited(
                desired.cluster,
                desired,
                {
                  role: `${live.roleRef.kind}/${live.roleRef.name}`,
                  rule: desired.ruleId,
                },
                caller,
                `${action}: its roleRef cannot change, so it is deleted and created again`,
                () =>
                  deleteBinding(
                    clients,
                    desired,
                    live.metadata?.resourceVersion,
                  ),
              );
              await createBinding(clients, manifest, desired);
              return;
            }
            await clients.objects.patch(
              {
                ...manifest,
                metadata: {
                  ...manifest.metadata,
                  resourceVersion: live.metadata?.resourceVersion,
                },
              },
              undefined,
              undefined,
              RBAC_FIELD_MANAGER,
              true,
              PatchStrategy.ServerSideApply,
            );
          },
        ),
    );
  }

  /** Deletes a binding the portal owns and no rule wants; refuses one without the portal's label. */
  async delete(
    cluster: string,
    binding: {
      kind: LiveBinding['kind'];
      namespace?: string;
      name: string;
      role?: string;
      ruleIds?: string[];
      groups?: string[];
    },
    caller: Caller | undefined,
    action: string,
  ): Promise<void> {
    await this.calls.call(cluster, bindingPlace(binding), async clients => {
      const live = await readBinding(clients, binding);
      if (!live) return;
      if (!isOurs(live)) {
        throw new ConflictError(
          `${bindingPlace(binding)} is not managed by the portal; left alone`,
        );
      }
      await this.deleteAudited(
        cluster,
        binding,
        {
          role: `${live.roleRef.kind}/${live.roleRef.name}`,
          rule: binding.ruleIds?.join(','),
          groups: (live.subjects ?? []).map(s => s.name).join(','),
        },
        caller,
        action,
        () => deleteBinding(clients, binding, live.metadata?.resourceVersion),
      );
    });
  }

  private deleteAudited(
    cluster: string,
    binding: { kind: LiveBinding['kind']; namespace?: string; name: string },
    meta: Record<string, string | undefined>,
    caller: Caller | undefined,
    action: string,
    remove: () => Promise<void>,
  ): Promise<void> {
    return auditClusterChange(
      {
        auditor: this.auditor,
        eventId: 'access-binding-delete',
        request: caller?.request,
        target: {
          cluster,
          namespace: binding.namespace,
          apiVersion: RBAC_API_VERSION,
          kind: binding.kind,
          name: binding.name,
        },
        action,
        meta: { ...meta, by: caller ? undefined : 'scheduled drift check' },
      },
      remove,
    );
  }
}

/** POST, so that a binding of that name made in the meantime fails the create (409) instead of being taken over. */
async function createBinding(
  clients: ClusterClients,
  manifest: ReturnType<typeof bindingManifest>,
  desired: DesiredBinding,
): Promise<void> {
  try {
    await clients.objects.create(
      manifest,
      undefined,
      undefined,
      RBAC_FIELD_MANAGER,
    );
  } catch (error) {
    if ((error as { code?: number }).code === 409) {
      throw new ConflictError(
        `${bindingPlace(
          desired,
        )} was created by someone else just now; left alone`,
      );
    }
    throw error;
  }
}

function isOurs(item: V1RoleBinding | V1ClusterRoleBinding): boolean {
  return (
    item.metadata?.labels?.[RBAC_MANAGED_BY_LABEL] === RBAC_MANAGED_BY_VALUE
  );
}

async function readSnapshot(
  cluster: string,
  clients: ClusterClients,
): Promise<ClusterSnapshot> {
  const rbac = clients.api(RbacAuthorizationV1Api);
  const [namespaces, roleBindings, clusterRoleBindings, clusterRoles] =
    await Promise.all([
      clients.api(CoreV1Api).listNamespace(),
      rbac.listRoleBindingForAllNamespaces(),
      rbac.listClusterRoleBinding(),
      rbac.listClusterRole(),
    ]);
  return {
    cluster,
    namespaces: namespaces.items
      .filter(ns => ns.status?.phase !== 'Terminating')
      .map(ns => ns.metadata?.name ?? '')
      .filter(Boolean)
      .sort(),
    bindings: [
      ...clusterRoleBindings.items.map(b =>
        toLiveBinding('ClusterRoleBinding', b),
      ),
      ...roleBindings.items.map(b => toLiveBinding('RoleBinding', b)),
    ],
    clusterRoles: clusterRolesOf(clusterRoles.items),
  };
}

async function readBinding(
  clients: ClusterClients,
  binding: { kind: LiveBinding['kind']; namespace?: string; name: string },
): Promise<V1RoleBinding | V1ClusterRoleBinding | undefined> {
  const rbac = clients.api(RbacAuthorizationV1Api);
  try {
    return binding.kind === 'RoleBinding'
      ? await rbac.readNamespacedRoleBinding({
          name: binding.name,
          namespace: binding.namespace!,
        })
      : await rbac.readClusterRoleBinding({ name: binding.name });
  } catch (error) {
    if ((error as { code?: number }).code === 404) return undefined;
    throw error;
  }
}

/** Deletes exactly the object that was read: a changed resourceVersion makes the server refuse (409). */
async function deleteBinding(
  clients: ClusterClients,
  binding: { kind: LiveBinding['kind']; namespace?: string; name: string },
  resourceVersion: string | undefined,
): Promise<void> {
  const rbac = clients.api(RbacAuthorizationV1Api);
  const body = resourceVersion ? { preconditions: { resourceVersion } } : {};
  if (binding.kind === 'RoleBinding') {
    await rbac.deleteNamespacedRoleBinding({
      name: binding.name,
      namespace: binding.namespace!,
      body,
    });
  } else {
    await rbac.deleteClusterRoleBinding({ name: binding.name, body });
  }
}

/** ClusterRoles by name with their rules, as escalation is judged from them. */
function clusterRolesOf(
  roles: V1ClusterRole[],
): ClusterSnapshot['clusterRoles'] {
  return Object.fromEntries(
    roles.map(role => [
      role.metadata?.name ?? '',
      (role.rules ?? []).map(r => ({
        verbs: r.verbs,
        apiGroups: r.apiGroups,
        resources: r.resources,
        nonResourceURLs: r.nonResourceURLs,
      })),
    ]),
  );
}
