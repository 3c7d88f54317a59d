import {
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { SKIP_CLUSTER_NAMESPACE_RESOURCE_TYPE } from '@internal/plugin-skip-common';
import { z } from 'zod';

/** A namespace of a cluster, as namespace-scoped permissions see it. */
export type ClusterNamespaceResource = {
  cluster: string;
  namespace: string;
  /** Group ref of the team that owns it (team label, else namespace prefix); undefined when none. */
  owner?: string;
  /** A platform namespace (`skip.systemNamespaces`, or any namespace of an admin cluster). */
  system: boolean;
};

/** Resource ref of namespace-scoped permissions; the fleet backend evaluates their conditions. */
export const clusterNamespaceResourceRef = createPermissionResourceRef<
  ClusterNamespaceResource,
  { key: string; values: string[] }
>().with({
  pluginId: 'skip-fleet',
  resourceType: SKIP_CLUSTER_NAMESPACE_RESOURCE_TYPE,
});

/** Allows when the namespace belongs to one of the given teams (the caller's groups). */
export const isTeamNamespaceRule = createPermissionRule({
  name: 'IS_TEAM_NAMESPACE',
  description:
    'Allow when the namespace belongs to one of the given teams (by its team label, else its prefix)',
  resourceRef: clusterNamespaceResourceRef,
  paramsSchema: z.object({
    groupRefs: z
      .array(z.string())
      .describe('Group refs of the teams, usually the caller’s'),
  }),
  apply: (resource, { groupRefs }) =>
    resource.owner !== undefined &&
    groupRefs
      .map(ref => ref.toLocaleLowerCase('en-US'))
      .includes(resource.owner.toLocaleLowerCase('en-US')),
  toQuery: ({ groupRefs }) => ({ key: 'owner', values: groupRefs }),
});

/** Matches platform namespaces (kube-system, argocd, istio-system, admin clusters...). */
export const isSystemNamespaceRule = createPermissionRule({
  name: 'IS_SYSTEM_NAMESPACE',
  description:
    'Match namespaces of the platform (skip.systemNamespaces, and every namespace of an admin cluster)',
  resourceRef: clusterNamespaceResourceRef,
  paramsSchema: z.object({}),
  apply: resource => resource.system,
  toQuery: () => ({ key: 'system', values: ['true'] }),
});

/** Every rule of namespace-scoped permissions, for registration and condition authorizers. */
export const clusterNamespaceRules = [
  isTeamNamespaceRule,
  isSystemNamespaceRule,
];
