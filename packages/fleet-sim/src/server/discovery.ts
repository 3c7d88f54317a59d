import { ALL_VERBS, apiVersionOf, ResourceRegistry, ResourceType } from './resources';

/** Content-Type of aggregated discovery (apidiscovery.k8s.io/v2). */
export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether the Accept header asks for aggregated discovery. */
export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && /as=APIGroupDiscoveryList/.test(accept) && /v=v2(;|,|$)/.test(accept);
}

function subresources(t: ResourceType) {
  const out: Record<string, unknown>[] = [];
  if (t.status) {
    out.push({
      subresource: 'status',
      responseKind: { group: t.group, version: t.version, kind: t.kind },
      verbs: ['get', 'patch', 'update'],
    });
  }
  if (t.kind === 'Pod' && t.group === '') {
    out.push({ subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] });
  }
  return out;
}

function aggregatedResource(t: ResourceType) {
  const subs = subresources(t);
  return {
    resource: t.resource,
    responseKind: { group: t.group, version: t.version, kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: ALL_VERBS,
    ...(t.shortNames ? { shortNames: t.shortNames } : {}),
    ...(t.categories ? { categories: t.categories } : {}),
    ...(subs.length ? { subresources: subs } : {}),
  };
}

/** The APIGroupDiscoveryList for /api (core only) or /apis (named groups). */
export function aggregatedDiscovery(registry: ResourceRegistry, core: boolean): Record<string, unknown> {
  const items = [...registry.groups()]
    .filter(([group]) => (group === '') === core)
    .map(([group, versions]) => ({
      metadata: { name: group, creationTimestamp: null },
      versions: versions.map(version => ({
        version,
        freshness: 'Current',
        resources: registry.inGroupVersion(group, version).map(aggregatedResource),
      })),
    }));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

/** The legacy /api answer. */
export function apiVersions(serverAddress: string): Record<string, unknown> {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function apiGroup(group: string, versions: string[]) {
  const gvs = versions.map(version => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: gvs, preferredVersion: gvs[0] };
}

/** The legacy /apis answer. */
export function apiGroupList(registry: ResourceRegistry): Record<string, unknown> {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...registry.groups()].filter(([g]) => g !== '').map(([g, v]) => apiGroup(g, v)),
  };
}

/** The legacy /apis/<group> answer, or undefined for an unknown group. */
export function apiGroupInfo(registry: ResourceRegistry, group: string): Record<string, unknown> | undefined {
  const versions = registry.groups().get(group);
  return versions && group ? { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group, versions) } : undefined;
}

/** The legacy /api/v1 or /apis/<g>/<v> APIResourceList, or undefined for an unknown group/version. */
export function apiResourceList(registry: ResourceRegistry, group: string, version: string): Record<string, unknown> | undefined {
  const types = registry.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const t of types) {
    resources.push({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: ALL_VERBS,
      ...(t.shortNames ? { shortNames: t.shortNames } : {}),
      ...(t.categories ? { categories: t.categories } : {}),
    });
    for (const sub of subresources(t)) {
      resources.push({
        name: `${t.resource}/${sub.subresource}`,
        singularName: '',
        namespaced: t.namespaced,
        kind: (sub.responseKind as { kind: string }).kind,
        verbs: sub.verbs,
      });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: apiVersionOf({ group, version }), resources };
}
